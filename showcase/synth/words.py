"""Word lists the synthetic generator draws from.

Plain data, kept apart from the generator so the lists can grow without touching logic.
Everything here is invented: the names are common characters combined at random, the
organisations are generic descriptions. Nothing may contain a run of 8 or more digits
(the validator would rightly take it for a student number or a phone number).
"""

from __future__ import annotations

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
)
GIVEN_CHARS = (
    "子一宇轩浩然欣怡思远雨涵梓晨嘉琪俊杰诗雯博文晓晴明哲若溪静安沐阳知行语桐书航"
    "亦舟可馨一诺清妍天翊泽川梦瑶星河予安小满嘉禾佳宁云帆逸凡芷若景行晨曦鹏飞雅琴"
)

ROLES = (
    "技术负责人",
    "产品经理",
    "市场负责人",
    "运营",
    "硬件工程师",
    "算法工程师",
    "设计师",
    "财务",
    "商务拓展",
    "数据分析",
    "测试工程师",
    "供应链",
)
SIDE_MAJORS = ("工商管理", "软件工程", "市场营销", "工业设计", "财务管理")
DEGREES = ("本科", "本科", "本科", "硕士", "硕士", "博士")

BRANDS = (
    "经纬",
    "织梦",
    "启明",
    "青禾",
    "星火",
    "拾光",
    "云帆",
    "匠心",
    "晨曦",
    "远航",
    "新禾",
    "万象",
    "朗行",
    "知微",
    "恒一",
    "致远",
    "锦程",
    "墨白",
    "长风",
    "观澜",
    "千帆",
    "立方",
    "简行",
    "合一",
)
SLUG_WORDS = (
    "aurora",
    "bridge",
    "cedar",
    "delta",
    "ember",
    "fjord",
    "grove",
    "harbor",
    "iris",
    "jade",
    "kite",
    "lumen",
    "maple",
    "nova",
    "orbit",
    "pine",
    "quartz",
    "river",
    "spark",
    "tide",
    "umber",
    "vista",
    "willow",
    "xenon",
    "yarrow",
    "zephyr",
    "atlas",
    "beacon",
    "comet",
    "dune",
)

GENERIC_TOPIC = (
    ("software", "modern-services"),
    ("校园服务平台", "数据分析工具", "小程序", "咨询服务"),
    ("移动互联网技术", "数据分析方法", "用户研究"),
    "计算机科学与技术",
)
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str]] = {
    # college id: (preferred field ids, products, technologies, a typical major)
    "textile": (
        ("textile-apparel", "new-materials", "electronic-information"),
        ("智能调温面料", "传感纱线", "再生纤维面料", "医用纺织品", "功能运动服"),
        ("导电纤维包覆工艺", "相变微胶囊整理", "化学法再生技术", "三维编织技术"),
        "纺织工程",
    ),
    "materials": (
        ("new-materials", "energy-environment", "new-energy"),
        ("高性能纤维", "复合材料部件", "分离膜", "绝缘纸", "可降解包装"),
        ("静电纺丝技术", "湿法成形工艺", "热塑性模压成形", "界面改性方法"),
        "材料科学与工程",
    ),
    "mechanical": (
        ("intelligent-manufacturing", "agritech"),
        ("柔性抓手", "巡检机器人", "自动上下料系统", "智能夹具", "外骨骼"),
        ("软体驱动技术", "视觉引导控制", "模块化机构设计", "数字孪生调试"),
        "机械工程",
    ),
    "electrical": (
        ("new-energy", "energy-environment", "intelligent-manufacturing"),
        ("储能电源", "充电安全系统", "电机诊断终端", "光伏微电网平台"),
        ("电池健康状态估计", "电力电子变换技术", "负荷预测算法", "声纹诊断模型"),
        "电气工程及其自动化",
    ),
    "electronics": (
        ("electronic-information", "agritech", "biomedicine"),
        ("柔性传感鞋垫", "物联网网关", "版图检查工具", "低功耗定位标签"),
        ("低功耗蓝牙技术", "嵌入式边缘计算", "柔性电路印刷", "集成电路设计方法"),
        "电子信息工程",
    ),
    "computing": (
        ("software", "artificial-intelligence", "education"),
        ("视觉检测系统", "校园小程序", "作业评阅助手", "读屏助手", "知识库问答"),
        ("深度学习", "大模型应用", "小样本学习", "推荐算法"),
        "计算机科学与技术",
    ),
    "chemistry": (
        ("energy-environment", "new-materials", "modern-services"),
        ("印染助剂", "水性墨水", "检测服务", "精细化学品"),
        ("绿色合成工艺", "阳离子改性技术", "快速检测方法", "微胶囊包埋技术"),
        "化学工程与工艺",
    ),
    "environment": (
        ("energy-environment", "social-enterprise"),
        ("废水回用系统", "智能回收箱", "微塑料检测服务", "固废再生建材"),
        ("臭氧催化氧化", "膜分离技术", "图像识别计数", "低温烧结工艺"),
        "环境工程",
    ),
    "economics": (
        ("e-commerce", "modern-services", "agritech"),
        ("跨境电商代运营", "直播助农", "财税助手", "供应链金融服务"),
        ("数据化选品方法", "私域运营模式", "短视频内容营销", "精益创业方法"),
        "工商管理",
    ),
    "arts": (
        ("cultural-creative", "textile-apparel"),
        ("非遗文创", "适老化服装", "校园IP周边", "升级再造包袋"),
        ("数字纹样设计", "无障碍设计方法", "品牌叙事策划", "小批量柔性打样"),
        "服装与服饰设计",
    ),
    "humanities": (
        ("social-enterprise", "education", "modern-services"),
        ("法律服务驿站", "社区数字课堂", "科普漫画", "志愿服务平台"),
        ("同伴教育模式", "案例教学方法", "公益项目管理", "社区营造方法"),
        "法学",
    ),
    "mathematics": (
        ("software", "artificial-intelligence", "agritech"),
        ("排产优化系统", "精算模型", "学情分析工具", "风险评估平台"),
        ("混合整数规划", "贝叶斯统计模型", "启发式搜索算法", "时间序列预测"),
        "数学与应用数学",
    ),
}

CUSTOMERS = (
    "中小制造企业",
    "纺织服装企业",
    "高校师生",
    "社区居民",
    "养老机构",
    "印染企业",
    "农业合作社",
    "电商卖家",
    "物流园区",
    "中小学",
    "医疗机构",
    "工业园区",
)
OFFERS = (
    "提供产品与配套服务",
    "提供定制化解决方案",
    "提供试用与技术支持",
    "提供低成本的替代方案",
    "提供一站式服务",
)
BENEFITS = (
    "降低约两成运营成本",
    "把交付周期缩短一半",
    "减少人工投入",
    "提升产品合格率",
    "降低能耗与排放",
    "让服务更便捷",
    "提高检测效率",
    "减少原材料浪费",
)
PROGRESS = (
    "已完成样机开发并在合作单位试用",
    "已获得首批付费用户",
    "正在进行小批量试产",
    "已在校内完成试点运营",
    "已与两家企业签订合作意向",
    "正在完善产品并准备参加路演",
)

AWARDS = (
    "中国国际大学生创新大赛省赛金奖",
    "中国国际大学生创新大赛省赛银奖",
    "“挑战杯”大学生创业计划竞赛省赛铜奖",
    "“创青春”大学生创业大赛银奖",
    "全国大学生节能减排社会实践与科技竞赛二等奖",
    "校级“创新杯”创业大赛一等奖",
)
PATENTS = (
    "发明专利：一种{tech}的实现方法",
    "实用新型专利：一种{product}",
    "软件著作权：{product}管理软件",
)
FUNDING = ("学校众创空间种子基金", "天使轮融资", "种子轮融资", "地方大学生创业扶持资金")
CONTRACTS = ("{product}试点采购合同", "{product}技术开发合同", "{product}技术服务合同")
PAPERS = ("{tech}在{product}中的应用研究", "基于{tech}的{product}性能评价")
OTHERS = ("入选大学生创新创业训练计划", "获评校级优秀创业团队")
ISSUERS = {"award": "省教育厅", "patent": "国家知识产权局"}

MILESTONE_NOTES = {
    "nursery": ("入驻学院创业苗圃", "完成团队组建与首轮调研"),
    "makerspace": ("通过学校众创空间入驻评审", "进入学校众创空间"),
    "incubator": ("注册公司并入驻校外孵化加速器", "进入校外孵化加速器"),
}
