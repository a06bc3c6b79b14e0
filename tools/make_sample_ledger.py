#!/usr/bin/env python3
"""Write the sample ledger of 利津县 (Lijin county, Dongying, Shandong), 2018-2019.

    python tools/make_sample_ledger.py data/lijin            # refuses a non-empty dir
    python tools/make_sample_ledger.py data/lijin --force    # deletes and rewrites it
    python tools/make_sample_ledger.py --verify data/lijin   # only re-check a ledger

The ledger follows /work/shared/SPEC.md: ledger.yaml, one project per file under
projects/<乡镇或街道>/ (the 谋划/储备 pool as a list in projects/谋划储备/pool.yaml),
one file of tracking cards (项目跟踪卡) per county leader under responsibilities/,
and the problem lists (问题清单) under issues/<year>/<YYYY-MM>.yaml by month raised.
The YAML is written by hand, in the style of the SPEC examples; the generator
uses only the standard library and chinese_calendar (working days).  It is
deterministic: random.Random(2019), so the same command gives the same bytes.

Published figures reproduced exactly as of 2019-05-31 for 2019 (seed 000, the
利津 article of 2019-06-12, and seed 004, the 滨州 problem figures):
  128 key projects (新旧动能转换 34, 乡村振兴 50, 城建及基础设施 29, 社会建设 15),
  total investment 285.2亿元, annual plan 137.9亿元; 101 started, start rate
  78.9%, +12.0 points year on year (81 of 121 as of 2018-05-31); 121 on
  schedule (94.5%); Jan-May completed 88.8亿元 = 64.4% of the annual plan,
  双过半 reached in May (one month ahead); 222 problems raised, 196 resolved
  (88.3%), 3 overdue.
Also fixed by construction: 58 continuing / 70 new (43 started), lights
121 green / 4 yellow / 3 red, 竣工一批 30 (6 done by 2019-05-31), 四个一批 pool
12 谋划 + 18 储备, Jan-May 2018 completed 74.6亿元 (+19.0%).
After writing, the ledger is read back with yaml.safe_load and every figure is
recomputed independently per the SPEC and checked (see verify()).
"""
from __future__ import annotations

import argparse
import math
import os
import random
import re
import shutil
import sys
from datetime import date, timedelta
from decimal import Decimal

import chinese_calendar

D = date(2019, 5, 31)                       # the "as of" date of the published figures
D18 = date(2018, 5, 31)
TOTAL, ANNUAL, YTD, YTD18 = 2852000, 1379000, 888000, 746000      # 万元
CATS = {'新旧动能转换': 34, '乡村振兴': 50, '城建及基础设施': 29, '社会建设': 15}
LEVEL = {'省': 'province', '市': 'city', '县': 'county'}
# groups of the 128 projects of 2019: C17/C18a/C18b = continuing, started 2017, 2018-01..05,
# 2018-06..12 (all on the 2018 list); C18x = started late 2018, not on the 2018 list;
# NS = new, started 2019-01..05; LR/LY = late start red/yellow; NF = new, starts 2019-06..10
GROUPS = {'C17': 20, 'C18a': 14, 'C18b': 22, 'C18x': 2, 'NS': 43, 'LR': 2, 'LY': 1, 'NF': 24}
NS_MONTHS = [1] * 3 + [2] * 3 + [3] * 11 + [4] * 14 + [5] * 12
W = {1: .6, 2: .5, 3: .9, 4: 1.1, 5: 1.25, 6: 1.2, 7: 1.0, 8: .9, 9: 1.1, 10: 1.1, 11: 1.0, 12: .9}

# 级别|名称|建设单位|地点|性质|建设内容|占地(亩)
LIST_2019 = """
# 新旧动能转换
省|利华益烯烃芳烃联合项目|利华益集团股份有限公司|利津经济开发区|new|建设180万吨/年催化裂解、100万吨/年芳烃抽提及烷基化等装置和配套公用工程|1850
省|颐高新经济产业园项目|利津颐高数字产业园运营有限公司|凤凰城街道|new|建设双创孵化中心、电商直播基地、数字经济总部楼宇及人才公寓|260
省|利华益年产20万吨聚碳酸酯项目|利华益维远化学股份有限公司|利津经济开发区|new|建设20万吨/年非光气法聚碳酸酯装置及配套储运设施|420
市|黄河口风电场二期工程|利津县润风新能源有限公司|汀罗镇|new|安装2.5兆瓦风电机组40台，新建110千伏升压站一座|95
市|年产10万吨高端润滑油基础油项目|山东利津润丰石化有限公司|利津经济开发区|expansion|建设加氢异构脱蜡装置、调和灌装车间及成品罐区|150
市|年产3万吨碳纤维复合材料项目|山东津凯新材料科技有限公司|利津经济开发区|new|建设碳纤维预浸料、拉挤型材生产线8条|180
市|石油装备智能制造产业园|山东黄河口石油装备有限公司|利津街道|relocation|建设抽油机、井口装置智能化生产线及检测中心|210
市|年产5万吨生物基可降解材料项目|东营绿源生物材料有限公司|利津经济开发区|new|建设PBAT改性及吹膜生产线，配套研发楼|160
市|盐窝镇20兆瓦农光互补光伏发电项目|利津鑫阳新能源有限公司|盐窝镇|new|建设20兆瓦光伏电站及35千伏升压站，板下种植中药材|600
县|燃气蒸汽联合循环热电联产项目|利津县热电有限公司|利津街道|renovation|建设燃气锅炉2台及背压式汽轮发电机组，替代燃煤机组|80
县|化工园区公共管廊及配套设施工程|利津经济开发区管委会|利津经济开发区|new|建设公共管廊12公里、特勤消防站及园区封闭化管理系统|120
县|年产50万套汽车制动盘项目|东营津达汽车零部件有限公司|利津街道|new|建设铸造、精加工生产线各2条|95
县|年产1000万米高档功能性面料项目|山东利津恒丰纺织有限公司|北宋镇|renovation|购置喷气织机200台，改造印染后整理车间|65
县|年产8万吨精细化工中间体项目|山东利津瑞祥化工有限公司|利津经济开发区|new|建设氯代、胺化装置及中控室、罐区|110
县|年产5000吨高性能水处理剂项目|东营清源环保科技有限公司|利津经济开发区|new|建设聚合氯化铝、聚丙烯酰胺生产线|45
县|锂电池隔膜生产项目|山东泰鑫新能源材料有限公司|利津经济开发区|new|建设湿法锂电池隔膜生产线4条|130
县|装配式建筑部品部件生产基地|山东利建绿色建材有限公司|陈庄镇|new|建设预制构件生产线3条、钢结构生产线1条|150
县|利津县冷链物流园项目|利津县鲁北冷链物流有限公司|凤凰城街道|new|建设5万吨冷库、分拣配送中心及冷链车辆停放场|140
县|电子商务产业园二期|利津县电子商务产业园有限公司|凤凰城街道|expansion|建设电商仓储楼、直播间及配套服务中心|40
县|5G通信网络建设工程|中国铁塔股份有限公司利津县分公司|利津街道|new|建设5G基站180座及配套传输网络|
县|利津县大数据中心项目|利津县城市建设投资有限公司|凤凰城街道|new|建设数据机房、政务云平台及城市运行管理中心|20
县|油田化学助剂生产线技术改造|东营利丰化工有限公司|盐窝镇|renovation|改造驱油剂、破乳剂生产线，新增DCS控制系统|30
县|年产3万吨特种钢丝绳项目|山东利津金海钢绳有限公司|北宋镇|expansion|建设拉丝、捻股、合绳生产线|70
县|生物质热电联产项目|利津县绿能生物质发电有限公司|陈庄镇|new|建设130吨/时生物质锅炉及30兆瓦汽轮发电机组|110
县|废旧轮胎综合利用项目|东营再生资源科技有限公司|明集乡|new|建设年处理10万吨废旧轮胎热裂解生产线|60
县|农机装备制造项目|山东北宋农业机械有限公司|北宋镇|new|建设播种机、植保机械装配车间及试验场|80
县|年产2万吨食品级二氧化碳回收项目|利津华益气体有限公司|利津经济开发区|new|建设二氧化碳捕集、提纯及液化装置|25
县|医用高分子材料生产项目|山东津康医疗器械有限公司|利津经济开发区|new|建设输液器、注射器等医用耗材洁净生产车间|50
县|智能仓储物流中心|利津县顺通物流有限公司|利津街道|new|建设立体仓库、货运配载中心及物流信息平台|90
县|氢能综合利用示范项目|利津华益气体有限公司|利津经济开发区|new|建设副产氢提纯装置及加氢站1座|30
县|年产1.5万吨高端铝型材项目|东营津铝新材料有限公司|陈庄镇|new|建设挤压、氧化生产线各4条|85
县|黄河口文化创意产业园|利津县文化旅游投资有限公司|利津街道|renovation|改造老厂房，建设文创孵化、展示交易中心|35
县|工业污水集中处理厂提标改造|利津经济开发区管委会|利津经济开发区|renovation|处理规模2万吨/日，出水提标至地表水准Ⅳ类|40
县|年产6万吨聚醚多元醇项目|山东利津瑞祥化工有限公司|利津经济开发区|new|建设聚醚多元醇装置及配套罐区|75
# 乡村振兴
省|黄河滩区旧村台改造提升|利津县滩区迁建投资有限公司|北宋镇|renovation|对滩区旧村台淤筑加固，配套排水、道路、供水等基础设施|
市|金河滩田园综合体|利津县金河滩农业发展有限公司|陈庄镇|new|建设高效农业示范区、黄河湿地游览区、田园社区及服务中心|3200
市|工农复合型现代农业产业园|东营利农现代农业发展有限公司|盐窝镇|new|建设智能温室、农产品加工区及工业反哺农业示范区|2600
县|绿竹韵共享生态苑项目|利津县绿竹韵生态农业有限公司|利津街道|new|有机无土栽培农光互补大棚种植区、研学拓展训练区等七大功能区|332
市|黄河口滩羊全产业链项目|利津县盐窝滩羊食品有限公司|盐窝镇|expansion|建设标准化羊舍、屠宰分割车间及冷库|300
市|高标准农田建设项目|利津县农业农村局|明集乡|new|建设高标准农田3.2万亩，配套灌排、田间道路及农田林网|32000
省|引黄灌区续建配套与节水改造|利津县水利局|北宋镇|renovation|衬砌干支渠48公里，改造配套建筑物320座|
县|农村饮水安全巩固提升工程|利津县水利局|陈庄镇|renovation|改造村内供水管网860公里，新建加压泵站3座|
县|黄河口大闸蟹生态养殖基地|东营黄河口渔业发展有限公司|汀罗镇|new|改造池塘5000亩，建设育苗车间及尾水处理设施|5000
县|北宋镇优质小麦良种繁育基地|利津县北宋种业有限公司|北宋镇|new|建设良种繁育田1.2万亩、种子加工车间及仓储库|12000
县|陈庄镇荷韵田园乡村旅游项目|利津县荷韵文化旅游有限公司|陈庄镇|new|建设千亩荷塘观光区、民宿群及游客服务中心|1100
县|汀罗镇美丽乡村示范片区|汀罗镇人民政府|汀罗镇|renovation|实施12个村街巷硬化、污水治理和村容村貌提升|
县|明集乡农产品加工园|利津县明集农产品加工有限公司|明集乡|new|建设果蔬清洗分拣、速冻加工车间及冷库|120
县|盐窝镇设施蔬菜产业园|利津县盐窝蔬菜专业合作社联合社|盐窝镇|new|建设冬暖式大棚300个及育苗中心|900
县|农村人居环境整治工程|利津县农业农村局|利津街道|renovation|农村厕所改造、生活垃圾分类及生活污水治理|
县|四好农村路提档升级工程|利津县交通运输局|明集乡|renovation|改造提升农村公路126公里|
县|黄河口生态畜牧产业园|东营黄河口牧业有限公司|汀罗镇|new|建设万头奶牛牧场及饲草种植基地|1500
县|数字农业示范园|利津县智慧农业科技有限公司|凤凰城街道|new|建设物联网智能温室、农业大数据中心|210
县|黄河故道湿地生态修复工程|利津县水利局|汀罗镇|new|修复湿地3000亩，建设生态护岸及观鸟设施|3000
县|北宋镇苗木花卉产业园|利津县北宋花卉园艺有限公司|北宋镇|expansion|建设连栋温室、苗木基地及交易中心|800
县|利津水煎包产业化基地|利津县水煎包餐饮管理有限公司|利津街道|new|建设中央厨房、冷链配送中心及技能培训基地|40
县|陈庄镇黄河口大米种植加工项目|利津县陈庄稻米专业合作社|陈庄镇|expansion|建设优质稻田3000亩及大米加工生产线|3000
县|黄河口刀鱼增殖放流基地|利津县汀罗水产养殖有限公司|汀罗镇|new|建设亲鱼培育池、孵化车间及放流码头|150
县|盐窝镇中药材种植基地|利津县盐窝中药材专业合作社|盐窝镇|new|种植金银花、丹参等中药材2000亩，建设初加工车间|2000
县|明集乡冬枣葡萄生态采摘园|利津县明集乡果蔬种植专业合作社|明集乡|new|建设冬枣、葡萄采摘大棚及农耕体验区|400
县|农产品质量安全检测中心|利津县农业农村局|凤凰城街道|new|建设检测实验楼，购置检测设备|15
县|北宋镇滩区迁建安置社区配套工程|北宋镇人民政府|北宋镇|new|建设安置社区道路、管网、幼儿园及社区服务中心|180
县|盐窝镇乡村振兴齐鲁样板示范区|盐窝镇人民政府|盐窝镇|renovation|建设示范区产业路、村庄绿化及党群服务中心|
县|汀罗镇渔光互补产业园|利津县汀罗新能源有限公司|汀罗镇|new|建设鱼塘光伏及水产养殖配套设施|1200
县|陈庄镇肉鸡标准化养殖小区|利津县陈庄禽业有限公司|陈庄镇|new|建设标准化鸡舍40栋及粪污处理设施|260
县|供销冷链物流节点项目|利津县供销合作社联合社|凤凰城街道|new|建设农产品冷链仓储及配送中心|60
县|明集乡黄河口大葱产业园|利津县明集大葱专业合作社|明集乡|new|建设大葱标准化种植基地及分拣包装车间|1500
县|北宋镇佟家村乡村旅游项目|利津县佟家文化旅游有限公司|北宋镇|new|建设黄河民俗展馆、农家乐及滨河游览步道|150
县|黄河口生态渔业循环产业园|东营黄河口渔业发展有限公司|汀罗镇|new|建设工厂化循环水养殖车间及尾水湿地|300
县|盐窝镇农村电商服务中心|利津县盐窝电子商务有限公司|盐窝镇|new|建设镇级电商服务中心、农产品展销厅及快递分拨点|10
县|种业创新示范园|利津县农业科学研究所|凤凰城街道|new|建设品种展示田、种质资源库及实验室|350
县|汀罗镇盐碱地综合改良工程|利津县农业农村局|汀罗镇|renovation|改良盐碱地1.5万亩，配套暗管排盐|15000
县|陈庄镇乡村振兴示范片区|陈庄镇人民政府|陈庄镇|renovation|提升8个村基础设施，建设村级光伏及农产品展销中心|
县|利津街道城郊休闲农业园|利津县田园牧歌农业发展有限公司|利津街道|new|建设果蔬采摘区、亲子农场及餐饮服务区|420
县|明集乡土地综合整治项目|明集乡人民政府|明集乡|renovation|整治农用地6000亩，复垦闲置宅基地|6000
县|北宋镇农业社会化服务中心|利津县北宋农机专业合作社|北宋镇|new|建设农机库棚、烘干中心及农资配送站|45
县|黄河口有机蔬菜出口基地|东营津绿食品有限公司|陈庄镇|new|建设有机蔬菜种植基地及出口加工车间|800
县|盐窝镇黄河滩区生态农业示范园|利津县滩区生态农业有限公司|盐窝镇|new|建设滩区高效种植区、林下养殖区|1600
县|畜禽粪污资源化利用整县推进项目|利津县农业农村局|陈庄镇|new|建设粪污处理中心1处，改造规模养殖场粪污设施|40
县|汀罗镇黄河故道生态旅游区|利津县汀罗文化旅游有限公司|汀罗镇|new|建设故道观光栈道、渔家民宿及游客中心|500
县|明集乡美丽乡村建设项目|明集乡人民政府|明集乡|renovation|实施9个村道路硬化、绿化亮化及污水管网|
县|粮食仓储物流设施项目|利津县粮食收储有限公司|利津街道|new|建设浅圆仓8座、烘干线及装卸平台|80
县|北宋镇肉牛养殖基地|利津县北宋牧业有限公司|北宋镇|new|建设存栏3000头肉牛养殖场及青贮池|200
县|扶贫产业园项目|利津县扶贫开发有限公司|盐窝镇|new|建设扶贫车间12栋及配套服务用房|60
市|黄河三角洲盐碱地农业科技示范园|山东黄河三角洲农业发展有限公司|汀罗镇|new|建设耐盐作物育种区、示范种植区及科研中心|5000
# 城建及基础设施
市|津二路综合改造工程|利津县城市建设投资有限公司|利津街道|renovation|改造津二路5.6公里，同步实施雨污分流、强弱电入地|
市|老旧小区改造工程|利津县住房和城乡建设局|利津街道|renovation|改造老旧小区32个，涉及楼栋286栋、居民8600户|
市|东外环道路建设|利津县城市建设投资有限公司|凤凰城街道|new|新建一级公路9.8公里及桥梁3座|
省|黄河下游防洪工程（利津段）|利津黄河河务局|汀罗镇|renovation|加固堤防21公里，新建控导工程坝垛18道|
市|G228丹东线利津段改建工程|利津县交通运输局|盐窝镇|renovation|按一级公路标准改建28公里|
市|城区污水处理厂扩建工程|利津县水务有限公司|凤凰城街道|expansion|新增处理规模3万吨/日，出水提标至一级A|45
市|城区集中供热管网改造|利津县热力有限公司|利津街道|renovation|改造供热管网42公里，新建换热站28座|
市|城乡供水一体化工程|利津县水务有限公司|陈庄镇|new|新建净水厂1座及输水干管65公里|110
县|利津黄河公路大桥接线工程|利津县交通运输局|北宋镇|new|建设大桥北岸接线道路6.2公里|
县|凤凰城街道棚户区改造|凤凰城街道办事处|凤凰城街道|renovation|改造棚户区1200户，建设安置房15栋|160
县|城区雨污分流改造工程|利津县住房和城乡建设局|利津街道|renovation|改造雨污管网38公里|
县|海绵城市建设工程|利津县住房和城乡建设局|凤凰城街道|new|建设下沉式绿地、透水铺装及雨水调蓄池|
县|城区天然气管网改造提升|利津县新奥燃气有限公司|利津街道|renovation|更换老旧燃气管网26公里及调压设施|
县|汽车站迁建工程|利津县交通运输局|凤凰城街道|relocation|新建二级客运站及公交首末站|60
县|津五路东延工程|利津县城市建设投资有限公司|凤凰城街道|new|东延津五路3.4公里，配套管网及照明|
县|凤凰湖公园提升改造|利津县城市建设投资有限公司|凤凰城街道|renovation|改造湖区驳岸、环湖步道及景观照明|300
县|城市地下综合管廊一期|利津县城市建设投资有限公司|凤凰城街道|new|建设综合管廊4.2公里|
县|开发区道路管网配套工程|利津经济开发区管委会|利津经济开发区|new|新建园区道路8公里及给排水、燃气管网|
县|城区公共停车场建设工程|利津县城市建设投资有限公司|利津街道|new|建设公共停车场6处，泊位1500个|45
市|生活垃圾焚烧发电项目|利津县绿洁环保能源有限公司|陈庄镇|new|建设日处理600吨垃圾焚烧炉及发电机组|90
县|建筑垃圾资源化利用项目|利津县城建环保科技有限公司|明集乡|new|建设年处理30万吨建筑垃圾再生骨料生产线|50
县|利津水库除险加固工程|利津县水利局|利津街道|renovation|加固围坝、改造取水闸及泵站|
县|城区绿化提升工程|利津县住房和城乡建设局|凤凰城街道|renovation|提升主次干道绿化带45公里，新建口袋公园12处|
县|北宋镇驻地道路改造|北宋镇人民政府|北宋镇|renovation|改造镇驻地道路7条及配套管网|
县|盐窝镇污水处理厂建设|盐窝镇人民政府|盐窝镇|new|建设处理规模5000吨/日污水处理厂及管网|20
县|陈庄镇供热站建设|陈庄镇人民政府|陈庄镇|new|建设清洁能源供热站及供热管网15公里|15
县|智慧城市建设项目|利津县城市建设投资有限公司|凤凰城街道|new|建设城市运行指挥中心、智慧交通及数字城管系统|
县|溢洪河综合治理工程|利津县水利局|汀罗镇|renovation|疏浚河道18公里，加固堤防并建设生态护坡|
县|城区照明提升工程|利津县住房和城乡建设局|利津街道|renovation|更换LED路灯6800盏，建设智慧照明控制系统|
# 社会建设
市|全民健身中心|利津县教育和体育局|凤凰城街道|new|建设综合体育馆、游泳馆及全民健身广场|120
县|“一家两中心”建设|利津县民政局|利津街道|new|建设农村幸福院、社区日间照料中心及镇街养老服务中心|
市|县人民医院新院区|利津县人民医院|凤凰城街道|new|建设门诊医技楼、病房楼，设置床位800张|160
市|第一实验学校建设工程|利津县教育和体育局|凤凰城街道|new|建设48个班九年一贯制学校|90
县|县中医院综合楼|利津县中医院|利津街道|expansion|建设12层综合病房楼及康复中心|
县|职业中专实训基地|利津县职业中等专业学校|凤凰城街道|expansion|建设化工、机电实训楼及学生公寓|60
县|城区幼儿园建设工程|利津县教育和体育局|利津街道|new|新建、改扩建城区幼儿园6所|35
县|县社会福利中心|利津县民政局|凤凰城街道|new|建设养老护理楼、儿童福利用房，设置床位500张|50
县|县妇幼保健院迁建|利津县妇幼保健院|凤凰城街道|relocation|建设保健业务楼及月子中心|40
县|文化艺术中心|利津县文化和旅游局|凤凰城街道|new|建设剧院、图书馆、文化馆“三馆合一”|70
县|利津县高级中学扩建|利津县第一中学|利津街道|expansion|建设教学楼2栋、学生公寓及餐厅|40
县|乡镇卫生院标准化建设|利津县卫生健康局|陈庄镇|renovation|改扩建乡镇卫生院6处，配备医疗设备|
县|县疾控中心迁建|利津县疾病预防控制中心|凤凰城街道|relocation|建设疾控业务楼及P2实验室|20
县|档案馆及便民服务中心|利津县档案馆|凤凰城街道|new|建设档案库房、查阅大厅及便民服务用房|25
县|青少年校外活动中心|利津县教育和体育局|凤凰城街道|new|建设科技、艺术、体育活动用房|15
"""

# projects of the 2018 list only (all completed in 2018)
LIST_2018 = """
# 新旧动能转换
市|年产30万吨改性沥青项目|山东利津润丰石化有限公司|利津经济开发区|expansion|建设改性沥青生产线及成品罐区|60
市|利华益热电联产机组超低排放改造|利华益集团股份有限公司|利津经济开发区|renovation|对3台锅炉实施超低排放改造|
县|光伏扶贫电站项目|利津县扶贫开发有限公司|盐窝镇|new|建设村级光伏扶贫电站86座|260
县|年产2万吨PVC助剂项目|山东利津瑞祥化工有限公司|利津经济开发区|new|建设热稳定剂、增塑剂生产线|40
县|危化品车辆专用停车场|利津经济开发区管委会|利津经济开发区|new|建设危化品车辆停车泊位300个及应急设施|80
县|年产20万吨高档包装纸项目|东营津华纸业有限公司|陈庄镇|renovation|改造造纸生产线，配套中水回用系统|120
县|农用薄膜生产线项目|利津县鲁泰塑业有限公司|北宋镇|new|建设可降解农膜吹塑生产线6条|30
县|年产5万吨铸件项目|东营津达汽车零部件有限公司|利津街道|expansion|建设消失模铸造生产线|50
县|石油机械配件加工项目|利津县宏达石油机械有限公司|盐窝镇|new|建设数控加工车间及装配车间|35
县|电子商务产业园一期|利津县电子商务产业园有限公司|凤凰城街道|new|建设电商孵化楼及仓储中心|30
县|纺织印染技改项目|山东利津恒丰纺织有限公司|北宋镇|renovation|更新印染设备，建设污水深度处理设施|
县|年产3万吨液体肥料项目|利津县丰源肥业有限公司|明集乡|new|建设水溶肥、液体肥生产线|25
县|油田污泥处置项目|东营再生资源科技有限公司|明集乡|new|建设油泥热解处置生产线|40
县|工业蒸汽管网工程|利津县热电有限公司|利津经济开发区|new|建设园区蒸汽管网9公里|
县|年产1万吨食用菌项目|利津县菌源生物科技有限公司|汀罗镇|new|建设工厂化食用菌栽培车间|50
县|消防器材生产项目|山东津安消防科技有限公司|利津街道|new|建设灭火器、消防水带生产线|30
县|风电场一期配套升压站工程|利津县润风新能源有限公司|汀罗镇|new|建设110千伏升压站及送出线路|12
县|物流分拨中心项目|利津县顺通物流有限公司|利津街道|new|建设快递分拨中心及配载场站|60
# 乡村振兴
省|黄河滩区脱贫迁建一期|利津县滩区迁建投资有限公司|北宋镇|new|建设滩区群众外迁安置社区一期|300
县|美丽乡村示范村建设|利津县农业农村局|陈庄镇|renovation|完成20个美丽乡村示范村建设|
县|农村改厕工程|利津县农业农村局|明集乡|renovation|完成农村无害化卫生厕所改造1.2万户|
县|盐窝镇冬暖式大棚示范园|利津县盐窝蔬菜专业合作社联合社|盐窝镇|new|建设冬暖式大棚120个|360
县|汀罗镇水产品加工项目|利津县汀罗水产养殖有限公司|汀罗镇|new|建设水产品冷冻加工车间|20
县|北宋镇千亩莲藕种植基地|利津县北宋种业有限公司|北宋镇|new|建设莲藕种植池及配套沟渠|1000
县|农村道路硬化工程|利津县交通运输局|陈庄镇|renovation|硬化农村道路85公里|
县|小型农田水利重点县项目|利津县水利局|明集乡|renovation|新建、改造小型农田水利设施|
县|利津县种猪繁育场|利津县陈庄禽业有限公司|陈庄镇|new|建设种猪舍及粪污处理设施|120
县|明集乡蔬菜批发市场|利津县明集农产品加工有限公司|明集乡|new|建设交易大棚、冷库及检测室|60
县|黄河口羊肉加工项目|利津县盐窝滩羊食品有限公司|盐窝镇|new|建设屠宰分割生产线|40
县|北宋镇苗木基地一期|利津县北宋花卉园艺有限公司|北宋镇|new|建设苗木基地及连栋温室|500
县|汀罗镇高效生态渔业项目|东营黄河口渔业发展有限公司|汀罗镇|renovation|改造标准化池塘2000亩|2000
县|陈庄镇稻田综合种养项目|利津县陈庄稻米专业合作社|陈庄镇|new|实施稻蟹共生种养1500亩|1500
县|农村饮水安全提升一期|利津县水利局|盐窝镇|renovation|改造村内供水管网320公里|
县|利津街道现代农业观光园|利津县田园牧歌农业发展有限公司|利津街道|new|建设观光温室及采摘区|200
县|秸秆综合利用项目|利津县丰源肥业有限公司|明集乡|new|建设秸秆收储站及有机肥生产线|30
县|村级党群服务中心建设|利津县农业农村局|盐窝镇|renovation|新建改造村级党群服务中心45处|
县|北宋镇黄河文化民俗村|利津县佟家文化旅游有限公司|北宋镇|renovation|改造传统民居，建设民俗展示院落|80
县|汀罗镇渔港码头改造|汀罗镇人民政府|汀罗镇|renovation|改造渔船停泊码头及防浪堤|
县|盐窝镇土地整治项目|盐窝镇人民政府|盐窝镇|renovation|整治农用地4000亩|4000
县|农产品电商物流配送中心|利津县供销合作社联合社|利津街道|new|建设农产品分拣仓及配送车辆场站|25
县|陈庄镇农机服务中心|利津县北宋农机专业合作社|陈庄镇|new|建设农机库棚及维修车间|20
县|明集乡林果提质增效项目|利津县明集乡果蔬种植专业合作社|明集乡|renovation|改造老旧果园1200亩|1200
# 城建及基础设施
市|津一路改造工程|利津县城市建设投资有限公司|利津街道|renovation|改造津一路3.8公里及两侧管网|
市|城区第二污水处理厂|利津县水务有限公司|凤凰城街道|new|建设处理规模2万吨/日污水处理厂|40
县|利一路北延工程|利津县城市建设投资有限公司|凤凰城街道|new|北延利一路2.6公里|
县|城区供水管网改造|利津县水务有限公司|利津街道|renovation|改造老旧供水管网30公里|
县|凤凰城街道安置区配套道路|凤凰城街道办事处|凤凰城街道|new|建设安置区道路5条|
县|县城公厕改造提升|利津县住房和城乡建设局|利津街道|renovation|新建改造城市公厕40座|
县|城乡公交一体化工程|利津县交通运输局|凤凰城街道|new|购置新能源公交车80辆，建设候车亭|
县|北宋镇污水处理站|北宋镇人民政府|北宋镇|new|建设处理规模3000吨/日污水处理站|10
县|东津渠治理工程|利津县水利局|利津街道|renovation|疏浚渠道12公里|
县|县城背街小巷改造|利津县住房和城乡建设局|利津街道|renovation|改造背街小巷56条|
县|陈庄镇驻地改造|陈庄镇人民政府|陈庄镇|renovation|改造镇驻地道路及立面|
县|明集乡垃圾中转站|明集乡人民政府|明集乡|new|建设垃圾压缩中转站及收运车辆|5
县|利津县城区供热扩网|利津县热力有限公司|凤凰城街道|expansion|新建供热管网12公里|
县|开发区标准化厂房|利津经济开发区管委会|利津经济开发区|new|建设标准化厂房8万平方米|150
县|县道利汀路大修工程|利津县交通运输局|汀罗镇|renovation|大修利汀路16公里|
# 社会建设
县|城区中学改扩建|利津县教育和体育局|利津街道|expansion|建设教学楼及风雨操场|30
县|县人民医院急救中心|利津县人民医院|利津街道|new|建设急救中心及院前急救网络|
县|全民健身广场|利津县教育和体育局|凤凰城街道|new|建设健身步道、球场及健身器材|40
县|镇街综合文化站改造|利津县文化和旅游局|盐窝镇|renovation|改造镇街综合文化站8处|
县|县中医院门诊楼改造|利津县中医院|利津街道|renovation|改造门诊楼及中医馆|
县|农村幸福院建设|利津县民政局|明集乡|new|新建农村幸福院18处|
县|城区小学建设工程|利津县教育和体育局|凤凰城街道|new|新建36个班小学1所|60
县|县公共卫生服务中心|利津县卫生健康局|凤凰城街道|new|建设公共卫生服务用房|10
"""

# 四个一批: 谋划 (planning) 12, 储备 (reserve) 18
POOL = """
# 新旧动能转换
省|利华益高端新材料产业园|利华益集团股份有限公司|利津经济开发区|planning|谋划建设高端聚烯烃、工程塑料等新材料装置|2000
市|年产30万吨环氧丙烷项目|山东利津瑞祥化工有限公司|利津经济开发区|reserve|建设共氧化法环氧丙烷装置|300
市|黄河口海上风电配套产业园|利津县润风新能源有限公司|汀罗镇|planning|建设风机塔筒、叶片制造基地|400
县|年产10万吨己内酰胺项目|利津县鑫源化工有限公司|利津经济开发区|reserve|建设己内酰胺装置及配套罐区|200
县|氢燃料电池零部件项目|利津华益气体有限公司|利津经济开发区|planning|建设膜电极、双极板生产线|60
县|跨境电商综合服务中心|利津县电子商务产业园有限公司|凤凰城街道|reserve|建设跨境电商监管仓及服务中心|30
县|石油装备再制造项目|山东黄河口石油装备有限公司|利津街道|reserve|建设抽油机再制造生产线|50
县|年产5万吨特种尼龙项目|东营绿源生物材料有限公司|利津经济开发区|planning|建设特种尼龙聚合装置|120
县|储能电站项目|利津鑫阳新能源有限公司|盐窝镇|reserve|建设100兆瓦时电化学储能电站|30
县|高端装备产业园|山东北宋农业机械有限公司|北宋镇|reserve|建设智能农机及配件产业园|180
# 乡村振兴
市|黄河口国家农业公园|利津县金河滩农业发展有限公司|陈庄镇|planning|谋划建设农业科技展示、黄河文化体验园区|5000
县|黄河滩区迁建二期|利津县滩区迁建投资有限公司|北宋镇|reserve|建设滩区群众外迁安置社区二期|260
县|汀罗镇黄河口湿地康养小镇|利津县汀罗文化旅游有限公司|汀罗镇|planning|建设湿地康养、研学基地及民宿|800
县|盐窝镇滩羊良种繁育中心|利津县盐窝滩羊食品有限公司|盐窝镇|reserve|建设种羊场及繁育实验室|150
县|北宋镇特色农产品交易中心|利津县北宋种业有限公司|北宋镇|reserve|建设交易大厅、冷库及电商中心|50
县|明集乡现代农业示范区二期|利津县明集农产品加工有限公司|明集乡|reserve|建设智能温室及加工车间|300
县|陈庄镇稻渔综合种养示范区|利津县陈庄稻米专业合作社|陈庄镇|reserve|实施稻渔综合种养5000亩|5000
县|利津县农业科技园区|利津县农业科学研究所|凤凰城街道|planning|建设农业科技孵化及示范推广中心|600
县|黄河大集文旅综合体|利津县文化旅游投资有限公司|利津街道|reserve|建设黄河大集、非遗展示及美食街区|90
# 城建及基础设施
市|黄河下游引黄涵闸改建工程|利津黄河河务局|北宋镇|reserve|改建引黄涵闸3座|
县|津四路西延工程|利津县城市建设投资有限公司|利津街道|reserve|西延津四路4.5公里|
县|城区第三水厂|利津县水务有限公司|凤凰城街道|planning|建设供水规模5万吨/日水厂|80
县|利津高铁站前片区开发|利津县城市建设投资有限公司|凤凰城街道|planning|谋划站前广场、道路及片区综合开发|1500
县|城区老旧管网改造二期|利津县住房和城乡建设局|利津街道|reserve|改造老旧供排水及燃气管网|
县|盐窝镇至汀罗镇公路|利津县交通运输局|盐窝镇|reserve|新建二级公路18公里|
# 社会建设
县|县人民医院医养结合中心|利津县人民医院|凤凰城街道|reserve|建设医养结合病房楼，床位300张|30
县|县第二高级中学|利津县教育和体育局|凤凰城街道|planning|新建60个班高级中学|200
县|体育公园|利津县教育和体育局|凤凰城街道|planning|建设足球场、篮球场及慢行系统|150
县|县图书馆新馆|利津县文化和旅游局|凤凰城街道|reserve|建设图书馆新馆及数字阅读中心|20
县|殡仪馆迁建工程|利津县民政局|明集乡|planning|迁建殡仪馆及公益性公墓|60
"""

# fixed amounts, some written as unit strings (they count in 万元 exactly)
FIXED_TOTAL = {'利华益烯烃芳烃联合项目': (1000000, '100亿元'), '绿竹韵共享生态苑项目': (7000, None),
               '年产50万套汽车制动盘项目': (12000, '1.2亿元'), '电子商务产业园二期': (8500, '8500万'),
               '盐窝镇20兆瓦农光互补光伏发电项目': (35000, '3.5亿元'), '消防器材生产项目': (7000, '70000000元')}
FIXED_ANNUAL = {'黄河滩区旧村台改造提升': (50000, '5亿元')}
FIXED_GROUP = {'利华益烯烃芳烃联合项目': 'C17', '颐高新经济产业园项目': 'C18a', '绿竹韵共享生态苑项目': 'NS',
               '黄河滩区旧村台改造提升': 'C18b', '金河滩田园综合体': 'C18a', '工农复合型现代农业产业园': 'NS',
               '津二路综合改造工程': 'NS', '老旧小区改造工程': 'NS', '东外环道路建设': 'C18b',
               '全民健身中心': 'C18a', '“一家两中心”建设': 'NS'}
FIXED_COMPLETING = ['全民健身中心', '津二路综合改造工程', '老旧小区改造工程']
TAGS = ['双招双引', '新旧动能转换重大项目库', '民生实事', '专项债券', '滩区迁建', '四保白名单']
PHASES = {'新旧动能转换': ['场地平整', '桩基施工', '1#厂房主体施工', '钢结构安装', '设备安装', '管线安装', '设备调试'],
          '乡村振兴': ['土地整理', '基础施工', '大棚及设施建设', '灌排设施施工', '种植养殖区建设', '配套工程'],
          '城建及基础设施': ['清表及管线迁改', '管网施工', '路基施工', '主体工程施工', '路面及面层施工', '附属工程'],
          '社会建设': ['基础施工', '主体施工', '1#、2#楼主体封顶', '内外装修', '设备安装', '室外配套']}

LEADERS = [('王立新', '县委副书记、县长'), ('张宏伟', '县委常委、常务副县长'), ('刘建军', '副县长'),
           ('陈晓东', '副县长'), ('赵玉梅', '副县长'), ('孙志强', '副县长'), ('杨海涛', '副县长'),
           ('周丽娟', '副县长'), ('吴长青', '县委常委、组织部部长'), ('郑国庆', '县委常委、宣传部部长'),
           ('马春生', '县委常委、政法委书记'), ('何文斌', '县委常委、统战部部长')]
# card: leader index, responsible unit, duties (None = all five)
CARDS = [(0, '利津经济开发区管委会', None), (0, '县发改局', None), (1, '县发改局', None),
         (1, '利津经济开发区管委会', None), (2, '县工信局', None), (2, '利津经济开发区管委会', None),
         (2, '县工信局', None), (3, '县农业农村局', None), (3, '盐窝镇人民政府', None),
         (3, '县水利局', ['approval_start', 'environment', 'progress_quality']), (4, '县住建局', None),
         (4, '县住建局', ['financing', 'progress_quality']), (4, '县交通运输局', None), (5, '县教体局', None),
         (5, '县卫健局', None), (5, '县民政局', None), (6, '县商务局', None), (6, '县文旅局', None),
         (6, '陈庄镇人民政府', None), (7, '县水利局', None), (7, '汀罗镇人民政府', None),
         (7, '县交通运输局', ['progress_quality', 'completion']), (8, '利津街道办事处', None),
         (8, '凤凰城街道办事处', None), (8, '县住建局', None), (9, '北宋镇人民政府', None),
         (9, '明集乡人民政府', None), (9, '县文旅局', None), (10, '陈庄镇人民政府', None),
         (10, '县商务局', ['progress_quality', 'completion']), (10, '汀罗镇人民政府', None),
         (11, '北宋镇人民政府', None), (11, '县工信局', None), (11, '县农业农村局', None), (1, '县城投公司', None)]
PRIMARY = {'利华益烯烃芳烃联合项目': 'R-01'}
CO_RESP = {'利华益烯烃芳烃联合项目': '县工信局', '黄河滩区旧村台改造提升': '北宋镇人民政府',
           '金河滩田园综合体': '陈庄镇人民政府', '全民健身中心': '县住建局', '“一家两中心”建设': '利津街道办事处'}
TOWN_UNIT = {'利津街道': '利津街道办事处', '凤凰城街道': '凤凰城街道办事处', '北宋镇': '北宋镇人民政府',
             '盐窝镇': '盐窝镇人民政府', '陈庄镇': '陈庄镇人民政府', '汀罗镇': '汀罗镇人民政府',
             '明集乡': '明集乡人民政府', '利津经济开发区': '利津经济开发区管委会'}
SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任崔姚'
GIVEN = '建国 志强 海燕 文华 立军 晓明 秀英 玉兰 永刚 春雷 红梅 国栋 新民 明亮 丽华 军 静 伟 磊 勇 敏 涛 芳 洋 鹏 艳 超 凯 辉 斌'.split()
VISIT_NOTES = ['现场办公', '协调用地', '调度施工进度', '督导安全生产', '协调融资', '召开现场推进会',
               '检查工程质量', '协调施工环境', '协调手续办理', '调研项目前期工作']
ESC_NOTES = {1: '首席服务官现场协调', 2: '提交县区周例会研究', 3: '提请市直部门专题破解',
             4: '列入市级周例会重点攻坚', 5: '提请市党政联席会统筹推动'}
# category: [(title, resolution, unit)]; TOWN = the township of the project
ISSUES = {
    'land': [('征地资金暂未到位', '县财政多方筹资先行垫付征地补偿款，项目顺利进地', 'TOWN'),
             ('新增建设用地计划指标不足', '按“要素跟着项目走”机制预支新增建设用地计划指标', '县自然资源局'),
             ('用地预审手续未办结', '开辟绿色通道，完成用地预审与选址意见书办理', '县自然资源局'),
             ('项目区涉及永久基本农田需调整', '纳入土地利用总体规划调整完善方案，已获批复', '县自然资源局'),
             ('土地挂牌出让时间滞后', '调整供地计划，提前组织挂牌出让', '县自然资源局'),
             ('临时用地手续未办理', '指导企业补齐材料，办结临时用地审批', '县自然资源局')],
    'funding': [('项目融资贷款未落地', '组织银企对接会，协调银行授信并放款', '县地方金融监管局'),
                ('配套资金缺口较大', '争取专项债券资金，县财政统筹安排配套资金', '县财政局'),
                ('上级补助资金未及时拨付', '县财政局加快资金拨付进度，已拨付到位', '县财政局'),
                ('企业流动资金紧张影响设备采购', '协调转贷引导基金提供过桥资金', '县地方金融监管局')],
    'energy': [('能耗指标缺口', '通过关停淘汰落后产能腾出能耗指标，市级统筹调剂', '县发改局'),
               ('节能评估审查未通过', '组织专家复审，完善节能措施后通过审查', '县行政审批服务局')],
    'emissions': [('污染物排放总量替代指标未落实', '市级统筹调剂主要污染物排放总量替代指标', '市生态环境局利津分局'),
                  ('环评批复滞后', '实行容缺受理，环评审批与施工许可并联办理', '市生态环境局利津分局')],
    'water': [('取水许可未办理', '完成水资源论证，核发取水许可', '县水利局'),
              ('用水指标不足', '调剂引黄水量指标，保障项目用水', '县水利局')],
    'approval': [('施工许可证办理进度慢', '实行“桩基先行”，先行核发桩基施工许可', '县行政审批服务局'),
                 ('规划设计方案未审定', '召开规委会专题审定规划设计方案', '县自然资源局'),
                 ('消防设计审查未通过', '组织联合会商，指导修改消防设计后通过审查', '县住建局'),
                 ('立项备案信息需变更', '县行政审批服务局当日办结备案变更', '县行政审批服务局')],
    'demolition': [('地上附着物清表进度慢', '属地组织专班入户做工作，完成清表', 'TOWN'),
                   ('个别拆迁户补偿未达成一致', '依法依规协商，签订补偿协议', 'TOWN'),
                   ('坟墓迁移未完成', '属地镇街做好群众工作，完成迁移', 'TOWN')],
    'utilities': [('施工用电未接入', '供电公司架设临时线路，保障施工用电', '国网利津县供电公司'),
                  ('天然气管道需迁改', '协调燃气公司制定迁改方案并实施', '县住建局'),
                  ('供水管网接入未落实', '水务公司铺设接入管线，完成通水', '县住建局'),
                  ('道路开口审批未办理', '交通部门现场踏勘，当日办结开口审批', '县交通运输局')],
    'environment': [('施工受周边群众阻工', '属地镇街会同公安部门化解矛盾，恢复正常施工', 'TOWN'),
                    ('扬尘管控停工影响进度', '落实“六个百分之百”措施后有序复工', '县住建局')],
    'other': [('施工队伍力量不足', '督促施工单位增加作业班组', '县住建局'),
              ('设计变更未确认', '组织建设、设计、监理单位会商确认变更', '县发改局')]}
ISSUE_CAT_W = {'land': 22, 'funding': 18, 'approval': 16, 'energy': 6, 'emissions': 6, 'water': 6,
               'demolition': 8, 'utilities': 10, 'environment': 5, 'other': 3}
INDUSTRIAL_ONLY = ('energy', 'emissions')


# ---------------------------------------------------------------- small helpers
def is_wd(d):
    return chinese_calendar.is_workday(d)


def wd_after(d, n):
    """The n-th official working day strictly after d (n = 0: d itself)."""
    while n > 0:
        d += timedelta(1)
        n -= is_wd(d)
    return d


def workday(rng, lo, hi):
    """A random working day in [lo, hi]."""
    days = [lo + timedelta(i) for i in range((hi - lo).days + 1)]
    return rng.choice([x for x in days if is_wd(x)])


def mday(rng, y, m, lo=1, hi=28):
    return workday(rng, date(y, m, lo), date(y, m, hi))


def month_end(y, m):
    return date(y + m // 12, m % 12 + 1, 1) - timedelta(1)


def split(total, weights):
    """Integers in proportion to weights that sum exactly to total (largest remainder)."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    out = [math.floor(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: (out[i] - raw[i], i))[:total - sum(out)]:
        out[i] += 1
    return out


def spread(rng, total, months, jitter=0.25):
    """Split total over months (1..12) with the seasonal profile W: {month: amount}."""
    if not months:
        assert total == 0
        return {}
    return dict(zip(months, split(total, [W[m] * rng.uniform(1 - jitter, 1 + jitter) for m in months])))


def rnd(x):
    return int(round(x, -2)) if x >= 20000 else int(round(x, -1)) if x >= 2000 else int(round(x))


def size(name):
    """A rough size factor from the kind of project, so totals fit the names."""
    if any(k in name for k in ('万吨', '万套', '万米', '发电', '风电', '光伏', '公路', '大桥', '防洪', '管廊', '新院区',
                               '综合体', '改造工程', '一体化')):
        return 2.0
    if any(k in name for k in ('检测', '服务中心', '电商', '停车', '照明', '公厕', '站', '幸福院', '采摘', '改厕', '放流',
                               '繁育', '种植', '养殖', '社会化', '垃圾中转')):
        return 0.5
    return 1.0


def parse_table(text):
    rows, cat = [], None
    for line in text.strip().splitlines():
        if line.startswith('#'):
            cat = line[1:].strip()
            continue
        lv, name, owner, loc, nature, content, land = line.split('|')
        rows.append({'level': LEVEL[lv], 'category': cat, 'name': name, 'owner': owner, 'location': loc,
                     'nature': nature, 'content': content, 'land_mu': int(land) if land else None,
                     'fmt': {}, 'plans': {}, 'prog': {}, 'prior': 0, 'milestones': [], 'tags': []})
    return rows


# ---------------------------------------------------------------- projects of the 2019 list
def assign_groups(rng, rows):
    labels = [g for g, n in GROUPS.items() for _ in range(n)]
    for r in rows:
        if r['name'] in FIXED_GROUP:
            labels.remove(FIXED_GROUP[r['name']])
    free = [r for r in rows if r['name'] not in FIXED_GROUP]
    rng.shuffle(labels)
    for r, g in zip(free, labels):
        r['group'] = g
    for r in rows:
        r['group'] = FIXED_GROUP.get(r['name'], r.get('group'))
        r.update(completing=False, done=False, slipped=False, nomonthly=False, off=None)
    pick = lambda pool, n: rng.sample(sorted(pool, key=lambda r: r['name']), n)
    cand = [r for r in rows if r['name'] not in FIXED_GROUP]
    done = pick([r for r in cand if r['group'] in ('C17', 'C18a')], 6)
    for r in done:
        r.update(completing=True, done=True)
    for g, n in (('C17', 8), ('C18a', 4), ('C18b', 6), ('NS', 3)):
        for r in pick([r for r in cand if r['group'] == g and not r['completing']], n):
            r['completing'] = True
    for r in rows:
        r['completing'] |= r['name'] in FIXED_COMPLETING
    for r in pick([r for r in cand if r['completing'] and not r['done'] and r['group'] in ('C17', 'C18b')], 4):
        r['slipped'] = True
    for r in pick([r for r in cand if r['group'] in ('C17', 'C18a', 'C18b') and not r['completing']], 10):
        r['nomonthly'] = True
    off = pick([r for r in cand if r['group'] in ('C18b', 'NS') and not r['completing'] and not r['nomonthly']], 4)
    for r, ratio in zip(off, (Decimal('0.70'), Decimal('0.83'), Decimal('0.90'), Decimal('0.96'))):
        r['off'] = ratio


def dates_2019(rng, p):
    g = p['group']
    if g == 'C17':
        p['sa'] = mday(rng, 2017, rng.randint(3, 10))
    elif g == 'C18a':
        p['sa'] = mday(rng, 2018, rng.choice([1, 2, 3, 3, 4, 4, 5]))
    elif g == 'C18b':
        p['sa'] = mday(rng, 2018, rng.randint(6, 12), hi=25)
    elif g == 'C18x':
        p['sa'] = mday(rng, 2018, rng.randint(10, 12), hi=20)
    elif g == 'NS':
        p['sa'] = mday(rng, 2019, p['ns_month'])
    if g in ('C17', 'C18a', 'C18b', 'C18x', 'NS'):
        p['sp'] = p['sa'] + timedelta(rng.randint(-20, 10))
        if g == 'C18b' and rng.random() < 0.4:              # started late in 2018
            p['sp'] = date(2018, rng.randint(3, 5), rng.randint(1, 28))
    elif g == 'LR':
        p['sp'], p['sa'] = p['late']
    elif g == 'LY':
        p['sp'], p['sa'] = date(2019, 5, 13), date(2019, 6, 17)
    else:                                                   # NF: planned and actual start after D
        p['sp'] = mday(rng, 2019, rng.choice([6, 6, 7, 7, 8, 9]))
        p['sa'] = max(p['sp'] + timedelta(rng.randint(-5, 25)), date(2019, 6, 3))
    # completion
    if p['done']:
        p['ca'] = mday(rng, 2019, rng.randint(3, 5))
        p['cp'] = month_end(2019, min(6, p['ca'].month + rng.randint(0, 1)))
    elif p['completing']:
        lo = 10 if g == 'NS' else 6
        p['cp'] = month_end(2019, rng.randint(lo, 12))
        if not p['slipped']:
            p['ca'] = min(max(p['cp'] + timedelta(rng.randint(-25, 30)), date(2019, 6, 5)), date(2019, 12, 27))
    else:
        p['cp'] = month_end(rng.choice([2020, 2020, 2020, 2021]), rng.choice([6, 9, 10, 12]))
    if p['name'] == '利华益烯烃芳烃联合项目':
        p['cp'] = date(2020, 12, 31)
    if p['category'] == '新旧动能转换':
        p['op'] = p['cp'] + timedelta(rng.randint(30, 90))
        if p.get('ca') and p['ca'] + timedelta(30) <= date(2019, 12, 31):
            p['oa'] = p['ca'] + timedelta(rng.randint(10, 30))


def amounts_2019(rng, L):
    byname = {p['name']: p for p in L}
    lhy, yg = byname['利华益烯烃芳烃联合项目'], byname['颐高新经济产业园项目']
    # total investment: fixed ones, then scale the rest to 285.2亿元; 颐高 takes the remainder
    for p in L:
        lv = p['level']
        t = rng.uniform(100000, 250000) if lv == 'province' else rng.uniform(25000, 80000) if lv == 'city' \
            else math.exp(rng.uniform(math.log(2500), math.log(22000)))
        p['T'] = t * (0.7 if p['group'] in ('NS', 'NF', 'LR', 'LY') else 1.0) * size(p['name'])
    for name, (t, text) in FIXED_TOTAL.items():
        if name in byname:
            byname[name]['T'] = t
            if text:
                byname[name]['fmt']['total_investment'] = text
    free = [p for p in L if p['name'] not in FIXED_TOTAL and p is not yg]
    k = (TOTAL - sum(p['T'] for p in L if p['name'] in FIXED_TOTAL) - yg['T']) / sum(p['T'] for p in free)
    for p in free:
        p['T'] = rnd(p['T'] * k)
    yg['T'] = TOTAL - sum(p['T'] for p in L if p is not yg)
    # what was done before 2019
    for p in L:
        g, T = p['group'], p['T']
        p['prior'] = rnd(T * rng.uniform(0.12, 0.2)) if g == 'C17' else 0
        p['A18'] = rnd(T * {'C17': rng.uniform(.25, .33), 'C18a': rng.uniform(.2, .32),
                            'C18b': rng.uniform(.06, .2), 'C18x': rng.uniform(.02, .06)}.get(g, 0))
    lhy['prior'], lhy['fmt']['prior_investment'], lhy['A18'] = 120000, '12亿元', 340000
    for p in L:
        p['room'] = p['T'] - p['prior'] - p['A18']
    # annual plan of 2019: completers plan what is left; the others share 137.9亿元, 利华益 takes the remainder
    fixed_a = {}
    for p in L:
        if p['completing'] and not p['slipped']:
            p['Y19'] = p['room'] - rnd(p['T'] * rng.uniform(0, 0.02))
            p['a'] = rnd(p['Y19'] * rng.uniform(0.96, 1.0))
            fixed_a[p['name']] = p['a']
        elif p['slipped']:                                  # planned to finish in 2019, but did not
            p['a'] = rnd(p['room'] * rng.uniform(0.9, 0.95))
            fixed_a[p['name']] = p['a']
    for name, (a, text) in FIXED_ANNUAL.items():
        byname[name]['a'], byname[name]['fmt']['annual'] = a, text
        fixed_a[name] = a
    byname['绿竹韵共享生态苑项目']['a'] = fixed_a['绿竹韵共享生态苑项目'] = 3000
    scal = [p for p in L if p['name'] not in fixed_a and p is not lhy]
    u = {p['name']: rng.uniform(0.5, 0.85) if p['group'] not in ('NF', 'LR', 'LY') else rng.uniform(.2, .45)
         for p in scal}
    target = ANNUAL - 450000 - sum(fixed_a.values())
    for _ in range(50):
        k = target / sum(u[p['name']] * p['room'] for p in scal)
        u = {n: min(v * k, 0.9) for n, v in u.items()}
    for p in scal:
        p['a'] = rnd(u[p['name']] * p['room'])
    big = max(scal, key=lambda p: p['a'])                   # takes the rounding, so 利华益 plans 45亿元
    big['a'] += ANNUAL - 450000 - sum(p['a'] for p in L if p is not lhy)
    lhy['a'], lhy['fmt']['annual'] = 450000, '45亿元'
    # completed Jan-May 2019 (c) as a share r of the annual plan; 利华益 takes the remainder
    r = {}
    for p in L:
        g = p['group']
        if p['done']:                                       # completed by May: all of 2019 is in Jan-May
            p['c'] = p['Y19']
        elif g in ('NF', 'LR', 'LY'):
            p['c'] = 0
        elif p['name'] == '绿竹韵共享生态苑项目':
            p['c'] = 1130
        elif p is not lhy:
            m0 = p['ns_month'] if g == 'NS' else 1
            share = sum(W[m] for m in range(m0, 6)) / sum(W[m] for m in range(m0, 13))
            r[p['name']] = (rng.uniform(.35, .5) if p['off'] else rng.uniform(.5, .65) if p['slipped']
                            else rng.uniform(.7, .9) if p['completing']
                            else share * rng.uniform(1.0, 1.6) if g == 'NS' else rng.uniform(.5, .8))
    adjustable = [p for p in L if p['name'] in r and not p['off'] and not p['slipped']]
    target = YTD - round(lhy['a'] * 0.76) - sum(p.get('c', 0) for p in L if p['name'] not in r and p is not lhy)
    fixed_c = sum(r[p['name']] * p['a'] for p in L if p['off'] or p['slipped'])
    for _ in range(50):
        k = (target - fixed_c) / sum(r[p['name']] * p['a'] for p in adjustable)
        for p in adjustable:
            r[p['name']] = min(max(r[p['name']] * k, 0.45 if p['nomonthly'] else 0), 0.95)
    for p in L:
        if p['name'] in r:
            p['c'] = max(1, round(r[p['name']] * p['a']))
    lhy['c'] = YTD - sum(p['c'] for p in L if p is not lhy)
    assert 0.6 * lhy['a'] < lhy['c'] < 0.85 * lhy['a'], (lhy['a'], lhy['c'])


def plans_progress_2019(rng, p):
    """Monthly plan and monthly progress of 2019 from a (annual), c (Jan-May completed)."""
    g, a, c = p['group'], p['a'], p['c']
    first = 1 if min(p['sa'], p['sp']) < date(2019, 1, 1) else min(p['sa'], p['sp']).month if g == 'NS' \
        else p['sp'].month
    if g == 'LY':
        first = 6
    last = p['cp'].month if p['cp'].year == 2019 else 12
    months = list(range(first, last + 1))
    pre, post = [m for m in months if m <= 5], [m for m in months if m >= 6]
    if not pre:
        ptd = 0
    elif not post:
        ptd = a
    elif g == 'LR' or p['done']:
        ptd = split(a, [sum(W[m] for m in pre), sum(W[m] for m in post)])[0]
    elif p['off']:
        ptd = math.ceil(c / p['off'])
    else:
        ptd = c if rng.random() < 0.1 else math.floor(c / rng.uniform(1.0, 1.25))
    assert ptd <= a and (ptd <= c or g in ('LR', 'LY') or p['off'])
    if p['name'] == '绿竹韵共享生态苑项目':                  # exactly the SPEC §3.2 example
        monthly = {3: 300, 4: 400, 5: 400, 6: 400, 7: 300, 8: 300, 9: 300, 10: 300, 11: 200, 12: 100}
    else:
        monthly = {**spread(rng, ptd, pre, 0.15), **spread(rng, a - ptd, post, 0.15)}
    p['plans'][2019] = {'annual': a, 'monthly': None if p['nomonthly'] else {m: v for m, v in monthly.items() if v}}
    if p['nomonthly']:
        assert 12 * c >= 5 * a
    # progress
    s = p['sa']
    m0 = 1 if s.year < 2019 else s.month
    end = p['ca'].month if p.get('ca') and p['ca'].year == 2019 else 12
    if p['slipped']:
        p['Y19'] = c + round((p['room'] - c) * rng.uniform(0.3, 0.5))
    if 'Y19' not in p:
        cap = p['room'] - p['T'] * 0.03
        p['Y19'] = max(c, min(round(a * rng.uniform(1.0, 1.1)), int(cap)))
    if p['name'] == '绿竹韵共享生态苑项目':
        prog = {3: 240, 4: 410, 5: 480}
    else:
        prog = spread(rng, c, [m for m in range(m0, min(end, 5) + 1)], 0.2)
    prog.update(spread(rng, p['Y19'] - c, [m for m in range(max(m0, 6), end + 1)], 0.2))
    for m, v in prog.items():
        p['prog'][(2019, m)] = v


def plan_2018(rng, p, months, A18):
    annual = min(rnd(A18 * rng.uniform(0.93, 1.08)), p['T'])
    monthly = spread(rng, annual, months, 0.15) if rng.random() > 0.08 else None
    p['plans'][2018] = {'annual': annual, 'monthly': monthly and {m: v for m, v in monthly.items() if v}}


def progress_2018(rng, p, last=12):
    """Monthly progress of 2018; the Jan-May part is exactly in proportion to the profile W."""
    m0 = 1 if p['sa'].year < 2018 else p['sa'].month
    pre, post = [m for m in range(m0, last + 1) if m <= 5], [m for m in range(m0, last + 1) if m > 5]
    jm, rest = split(p['A18'], [sum(W[m] for m in pre), sum(W[m] for m in post)])
    for m, v in {**spread(rng, jm, pre, 0.2), **spread(rng, rest, post, 0.2)}.items():
        p['prog'][(2018, m)] = v


# ---------------------------------------------------------------- projects of the 2018 list only
def build_2018_only(rng, rows, janmay_needed):
    groups = ['O17'] * 30 + ['O18a'] * 17 + ['O18b'] * 18
    rng.shuffle(groups)
    for p, g in zip(rows, groups):
        p['group'] = g
        if g == 'O17':
            p['sa'] = mday(rng, 2017, rng.randint(3, 11))
            cm = rng.randint(5, 10) if p['level'] == 'county' else rng.randint(10, 12)
        elif g == 'O18a':
            p['sa'] = mday(rng, 2018, rng.randint(1, 4))
            cm = rng.randint(p['sa'].month + 3, 10)
        else:
            p['sa'] = mday(rng, 2018, rng.randint(6, 9))
            cm = rng.randint(p['sa'].month + 2, 12)
        p['sp'] = p['sa'] + timedelta(rng.randint(-15, 10))
        p['ca'] = mday(rng, 2018, cm)
        p['cp'] = month_end(2018, min(12, max(cm + rng.randint(-1, 1), p['sa'].month + 1 if g != 'O17' else 1)))
        if p['category'] == '新旧动能转换':
            p['op'], p['oa'] = p['cp'] + timedelta(30), p['ca'] + timedelta(rng.randint(10, 40))
        t = {'province': 150000, 'city': 40000}.get(p['level']) or math.exp(rng.uniform(math.log(2000), math.log(15000)))
        p['raw'] = t * rng.uniform(0.8, 1.2) * size(p['name'])
        p['pf'], p['q'] = (rng.uniform(0.15, 0.35) if g == 'O17' else 0), rng.uniform(0.97, 1.0)
        m0 = 1 if g == 'O17' else p['sa'].month
        months = list(range(m0, cm + 1))
        p['janmay_share'] = sum(W[m] for m in months if m <= 5) / sum(W[m] for m in months)
    fixed = [p for p in rows if p['name'] in FIXED_TOTAL]
    for p in fixed:
        p['T'], p['fmt']['total_investment'] = FIXED_TOTAL[p['name']]
    free = [p for p in rows if p['name'] not in FIXED_TOTAL]
    need = janmay_needed - sum(p['T'] * (p['q'] - p['pf']) * p['janmay_share'] for p in fixed)
    k = need / sum(p['raw'] * (p['q'] - p['pf']) * p['janmay_share'] for p in free)
    for p in free:
        p['T'] = rnd(p['raw'] * k)
    for p in rows:
        p['prior'] = rnd(p['T'] * p['pf'])
        p['A18'] = rnd(p['T'] * p['q']) - p['prior']
        progress_2018(rng, p, p['ca'].month)
        plan_2018(rng, p, list(range(1 if p['sa'].year < 2018 else p['sp'].month if p['sp'].year == 2018
                                     else p['sa'].month, p['cp'].month + 1)), p['A18'])
    # exact Jan-May 2018 total: the largest project started in 2017 absorbs the rounding
    absorber = max((p for p in rows if p['group'] == 'O17' and p['ca'].month > 5 and p not in fixed),
                   key=lambda p: p['T'])
    diff = janmay_needed - sum(v for p in rows for (y, m), v in p['prog'].items() if y == 2018 and m <= 5)
    absorber['prog'][(2018, 5)] += diff
    absorber['T'] = max(absorber['T'], rnd(absorber['prior'] + sum(absorber['prog'].values()) + 50))


def build_projects(rng):
    L = parse_table(LIST_2019)
    assert {c: sum(p['category'] == c for p in L) for c in CATS} == CATS, 'category counts'
    assert sum(p['level'] == 'province' for p in L) == 6 and sum(p['level'] == 'city' for p in L) == 22
    assign_groups(rng, L)
    ns = sorted(p for p in NS_MONTHS)
    ns.remove(3)                                            # 绿竹韵 starts in March
    rng.shuffle(ns)
    lates = [(date(2019, 3, 18), date(2019, 7, 9)), (date(2019, 4, 22), date(2019, 6, 24))]
    for p in L:
        if p['name'] == '绿竹韵共享生态苑项目':
            p['ns_month'] = 3
        elif p['group'] == 'NS':
            p['ns_month'] = ns.pop()
        elif p['group'] == 'LR':
            p['late'] = lates.pop()
        dates_2019(rng, p)
    lz = next(p for p in L if p['name'] == '绿竹韵共享生态苑项目')
    lz.update(sp=date(2019, 3, 1), sa=date(2019, 3, 15), cp=date(2020, 12, 31), op=date(2021, 3, 1),
              introduced=True, tags=['四保白名单'],
              milestones=[{'name': '施工许可', 'planned': date(2019, 2, 20), 'actual': date(2019, 2, 25)}])
    amounts_2019(rng, L)
    for p in L:
        plans_progress_2019(rng, p)
        if p['group'] in ('C17', 'C18a', 'C18b', 'C18x'):
            progress_2018(rng, p)
            if p['group'] != 'C18x':
                plan_2018(rng, p, list(range(1 if p['sp'].year < 2018 else p['sp'].month, 13)), p['A18'])
    janmay18 = sum(v for p in L if 2018 in p['plans'] for (y, m), v in p['prog'].items() if y == 2018 and m <= 5)
    O = parse_table(LIST_2018)
    build_2018_only(rng, O, YTD18 - janmay18)
    P = parse_table(POOL)
    for p in P:
        p['pool'] = p.pop('nature')
        p['nature'] = 'new'
        t = {'province': 300000, 'city': 60000}.get(p['level']) or math.exp(rng.uniform(math.log(3000), math.log(30000)))
        p['T'] = rnd(t * rng.uniform(0.8, 1.2) * size(p['name']))
        if rng.random() < 0.5:
            p['milestones'] = [{'name': '项目建议书' if p['pool'] == 'planning' else '可行性研究报告',
                                'planned': date(2020, rng.randint(1, 12), rng.randint(1, 28))}]
    assert sum(p['pool'] == 'planning' for p in P) == 12 and len(P) == 30
    # ids, decorations
    cont = [p for p in L if p['group'] in ('C17', 'C18a', 'C18b')]
    cont_ids = {id(p) for p in cont}
    for i, p in enumerate(sorted(cont + O, key=lambda p: (p['sa'], p['name'])), 1):
        p['id'] = f'LJ2018-{i:03d}'
    new = [lz] + sorted((p for p in L if id(p) not in cont_ids and p is not lz), key=lambda p: (p['sa'], p['name']))
    new_ids = {id(p) for p in new}
    for i, p in enumerate(new, 1):
        p['id'] = f'LJ2019-{i:03d}'
    for pre, kind in (('MH', 'planning'), ('CB', 'reserve')):
        for i, p in enumerate([p for p in P if p['pool'] == kind], 1):
            p['id'] = f'LJ{pre}-{i:02d}'
    for p in L + O + P:
        if p is lz:
            continue
        company = p['owner'].endswith('公司')
        p['introduced'] = company and rng.random() < 0.35
        if rng.random() < 0.3:
            p['tags'] = sorted(rng.sample(TAGS, rng.choice([1, 1, 2])))
        if '滩区' in p['name']:
            p['tags'] = sorted(set(p['tags']) | {'滩区迁建'})
        if id(p) in new_ids and rng.random() < 0.5:
            for ms in rng.sample(['立项', '用地', '环评', '施工许可'], rng.randint(1, 3)):
                pl = p['sp'] - timedelta(rng.randint(15, 90))
                act = pl + timedelta(rng.randint(-10, 25) if p['group'] != 'LR' else rng.randint(60, 90))
                p['milestones'].append({'name': ms, 'planned': pl, 'actual': act})
            p['milestones'].sort(key=lambda m: m['planned'])
    # a few non-integer amounts (moved between two months of the same period: figures unchanged)
    for p in rng.sample(sorted(L, key=lambda p: p['id']), 10):
        ms = sorted(k for k in p['prog'] if k >= (2019, 6))
        if len(ms) >= 2 and p['prog'][ms[0]] > 1:
            d = Decimal(rng.choice(['0.5', '0.25', '0.3']))
            p['prog'][ms[0]] -= d
            p['prog'][ms[1]] += d
    return L, O, P


# ---------------------------------------------------------------- responsibility cards
def unit_of(p):
    n, c, owner = p['name'], p['category'], p['owner']
    if owner in TOWN_UNIT.values():
        return owner
    if p['location'] == '利津经济开发区':
        return '利津经济开发区管委会'
    for dept, unit in (('农业农村局', '县农业农村局'), ('水利局', '县水利局'), ('交通运输局', '县交通运输局'),
                       ('住房和城乡建设局', '县住建局'), ('教育和体育局', '县教体局'), ('民政局', '县民政局'),
                       ('河务局', '县水利局'), ('卫生健康局', '县卫健局'), ('文化和旅游局', '县文旅局')):
        if dept in owner:
            return unit
    if c == '新旧动能转换':
        if any(k in n for k in ('风电', '光伏', '热电', '生物质', '升压站')):
            return '县发改局'
        return '县商务局' if any(k in n for k in ('物流', '电子商务', '产业园', '文化')) else '县工信局'
    if c == '乡村振兴':
        if '滩区' in n:
            return '县发改局'
        if any(k in n for k in ('旅游', '田园', '采摘', '生态苑', '民俗', '观光')):
            return '县文旅局'
        return TOWN_UNIT[p['location']]
    if c == '城建及基础设施':
        return '县城投公司' if '城市建设投资' in owner else '县住建局'
    if any(k in n for k in ('医院', '卫生', '疾控', '妇幼', '中医')):
        return '县卫健局'
    return '县文旅局' if any(k in n for k in ('文化', '档案')) else '县教体局'


def build_cards(rng, projects, names):
    cards = [{'id': f'R-{i:02d}', 'leader': LEADERS[li], 'unit': u, 'duties': du, 'projects': [],
              'person': names(), 'deputy': names(), 'lax': False} for i, (li, u, du) in enumerate(CARDS, 1)]
    by_unit = {}
    for cd in cards:
        by_unit.setdefault(cd['unit'], []).append(cd)
    for year in (2019, 2018):            # 2019 list first, then the projects of the 2018 list only
        for p in sorted((p for p in projects if year in p['plans'] and 'card' not in p), key=lambda p: p['id']):
            cs = [cd for cd in cards if cd['id'] == PRIMARY[p['name']]] if p['name'] in PRIMARY else by_unit[unit_of(p)]
            cd = min(cs, key=lambda cd: (sum(1 for x in cd['projects'] if year in x['plans']), cd['id']))
            cd['projects'].append(p)
            p['card'] = cd
    for name, unit in CO_RESP.items():
        p = next(p for p in projects if p['name'] == name)
        cd = next(cd for cd in by_unit[unit] if cd['leader'] != p['card']['leader'])
        cd['projects'].append(p)
    for cd in cards:
        assert any(2019 in p['plans'] for p in cd['projects']), cd['unit']
        cd['projects'].sort(key=lambda p: p['id'])
    for cd in rng.sample(cards, 5):
        cd['lax'] = True
    window = [date(2019, 5, 6) + timedelta(7 * i) for i in range(4)]
    for cd in cards:
        visits, lax = [], set(rng.sample(window, rng.randint(1, 3))) if cd['lax'] else set()
        monday = date(2018, 1, 1)
        while monday <= date(2019, 12, 30):
            days = [monday + timedelta(i) for i in range(5) if is_wd(monday + timedelta(i))]
            active = [p for p in cd['projects'] if monday.year in p['plans'] and (not p.get('ca') or p['ca'] >= monday)
                      and p['sa'] <= monday + timedelta(120)]
            in_window = monday in window
            n = (1 if monday in lax else 0) if cd['lax'] and in_window else \
                1 + (rng.random() < 0.15) if in_window else (rng.random() > 0.08) + (rng.random() < 0.1)
            if days and active and n:
                for d in sorted(rng.sample(days, min(n, len(days)))):
                    visits.append({'date': d, 'project': rng.choice(active)['id'],
                                   'hours': rng.choice([4, 4, 4, 4, 3, 5, 6, 8, 2, 4.5]), 'note': rng.choice(VISIT_NOTES)})
            monday += timedelta(7)
        cd['visits'] = visits
    return cards


# ---------------------------------------------------------------- issues
def make_issue(rng, p, names, kind, raised, cat=None):
    """One problem record; kind decides difficulty and dates (see build_issues)."""
    hard = kind.startswith('h') or kind in ('open_plan', 'open_noplan', 'od_h')
    cats = [c for c in ISSUE_CAT_W if p['category'] == '新旧动能转换' or c not in INDUSTRIAL_ONLY]
    cat = cat or rng.choices(cats, [ISSUE_CAT_W[c] for c in cats])[0]
    title, resolution, unit = rng.choice(ISSUES[cat])
    unit = TOWN_UNIT[p['location']] if unit == 'TOWN' else unit
    i = {'project': p['id'], 'category': cat, 'title': title, 'raised': raised,
         'reporter': rng.choice(['项目业主', '项目业主', '首席服务官', '责任单位', '驻企服务员']),
         'difficulty': 'hard' if hard else 'general', 'assignee': {'unit': unit, 'person': names()},
         'resolution': resolution}
    if rng.random() < 0.25:
        i['detail'] = f'{p["name"]}{title}，影响项目{rng.choice(["按期开工", "施工进度", "设备进场", "投资计划完成"])}'
    if hard:
        pd = wd_after(raised, rng.choice([1, 1, 2, 2, 0]) if rng.random() < 0.9 else 4)
        i['plan'] = {'date': pd, 'due': pd + timedelta(rng.randint(10, 45)), 'text': '制定办理方案：' + resolution}
    return i


def finish(rng, i, resolved, closed_p=0.93):
    i['assigned'] = min(i['raised'] + timedelta(rng.choice([0, 1, 1, 2])), resolved or date.max,
                        i['plan']['date'] if i.get('plan') else date.max)
    if resolved:
        i['resolved'] = resolved
        if rng.random() < closed_p:
            i['closed'] = resolved + timedelta(rng.choice([0, 1, 1, 2, 3, 5]))
            i['feedback'] = rng.choice(['企业满意', '企业满意', '项目业主确认办结', '满意', '基本满意，继续跟踪'])
    else:
        del i['resolution']
    return i


def escalate(rng, i, upto, levels):
    dates, d = [], i['raised']
    for lv in levels:
        d = wd_after(d, rng.randint(1, 4))
        if d > upto:
            break
        dates.append({'level': lv, 'date': d, 'note': ESC_NOTES[lv]})
    if dates:
        i['escalations'] = dates


def build_issues(rng, L, O, P, names):
    on19 = sorted((p for p in L), key=lambda p: p['id'])
    weights = [math.log10(p['T']) for p in on19]
    pick = lambda: rng.choices(on19, weights)[0]
    MONTH_W = [30, 28, 52, 60, 52]

    def raised_in(lo, hi):
        while True:
            m = rng.choices(range(1, 6), MONTH_W)[0]
            d = mday(rng, 2019, m, 1, 28 if m != 2 else 27)
            if lo <= d <= hi:
                return d
    out = []
    by = {p['name']: p for p in L}
    offred = next(p for p in L if p['off'] == Decimal('0.70'))
    lr = sorted((p for p in L if p['group'] == 'LR'), key=lambda p: p['sp'])
    lhy = by['利华益烯烃芳烃联合项目']
    # ---- the 222 problems raised 2019-01-01..2019-05-31 on projects of the 2019 list
    for kind, n in (('ok_g', 153), ('late_g', 12), ('h_ok', 28), ('h_late', 3), ('open_recent', 8),
                    ('open_due', 2), ('open_plan', 12), ('open_noplan', 1), ('od_g', 1), ('od_h', 1), ('od_due', 1)):
        for j in range(n):
            p = pick()
            if kind == 'ok_g':
                i = make_issue(rng, p, names, kind, raised_in(date(2019, 1, 2), date(2019, 5, 22)))
                res = wd_after(i['raised'], rng.choice([1, 2, 2, 3, 3, 4, 5]))
                if rng.random() < 0.12:
                    i['due'] = wd_after(i['raised'], rng.choice([7, 10, 15]))
            elif kind == 'late_g':
                i = make_issue(rng, p, names, kind, raised_in(date(2019, 1, 2), date(2019, 5, 10)))
                res = wd_after(i['raised'], rng.randint(6, 10))
            elif kind == 'h_ok':
                p = lhy if j == 0 else p
                i = make_issue(rng, p, names, kind, raised_in(date(2019, 1, 2), date(2019, 5, 6)),
                               'energy' if j == 0 else None)
                lo, hi = i['plan']['date'], min(i['plan']['due'], D)
                res = lo + timedelta(rng.randint(1, max(1, (hi - lo).days)))
            elif kind == 'h_late':
                i = make_issue(rng, p, names, kind, raised_in(date(2019, 1, 2), date(2019, 4, 12)))
                i['plan']['due'] = i['plan']['date'] + timedelta(rng.randint(10, 20))
                res = i['plan']['due'] + timedelta(rng.randint(3, 15))
            elif kind == 'open_recent':
                i = make_issue(rng, p, names, kind, workday(rng, date(2019, 5, 24), date(2019, 5, 31)))
                res = wd_after(D, rng.randint(1, 6))
            elif kind == 'open_due':
                i = make_issue(rng, p, names, kind, workday(rng, date(2019, 4, 20), date(2019, 5, 15)))
                i['due'] = workday(rng, date(2019, 6, 14), date(2019, 6, 28))
                res = i['due'] - timedelta(rng.randint(1, 6))
            elif kind == 'open_plan':
                p = lhy if j == 0 else p
                i = make_issue(rng, p, names, kind, workday(rng, date(2019, 4, 1), date(2019, 5, 28)),
                               'energy' if j == 0 else None)
                i['plan']['date'] = min(wd_after(i['raised'], rng.choice([1, 2])), D)
                i['plan']['due'] = workday(rng, date(2019, 6, 10), date(2019, 9, 30))
                res = None if j == 1 else max(i['plan']['due'] - timedelta(rng.randint(0, 20)), date(2019, 6, 3))
            elif kind == 'open_noplan':              # hard, raised 05-30, plan made after D
                i = make_issue(rng, p, names, kind, date(2019, 5, 30), 'demolition')
                i['plan'] = {'date': date(2019, 6, 3), 'due': date(2019, 7, 31), 'text': '制定办理方案：' + i['resolution']}
                res = date(2019, 7, 19)
            elif kind == 'od_g':
                i = make_issue(rng, offred, names, kind, date(2019, 4, 22), 'funding')
                i['detail'] = f'{offred["name"]}配套资金不到位，施工单位放缓进度'
                res = date(2019, 6, 12)
            elif kind == 'od_h':
                i = make_issue(rng, lr[0], names, kind, date(2019, 3, 11), 'land')
                i.update(title='征地资金暂未到位', assignee={'unit': TOWN_UNIT[lr[0]['location']], 'person': names()},
                         detail='项目征地涉及2个村，征地补偿资金缺口约400万元，群众不同意进地施工',
                         resolution='县政府多方筹资400万元先予垫付，确保项目顺利进地')
                i['plan'] = {'date': date(2019, 3, 13), 'due': date(2019, 5, 20), 'text': '分期垫付征地资金，倒排征地时间节点'}
                res = date(2019, 6, 25)
            else:                                    # od_due
                i = make_issue(rng, lr[1], names, kind, date(2019, 5, 6), 'approval')
                i.update(title='施工许可证办理进度慢', due=date(2019, 5, 17),
                         detail='施工图审查意见未回复，施工许可无法办理，约定5月17日前办结',
                         resolution='实行“桩基先行”，先行核发桩基施工许可')
                res = date(2019, 7, 5)
            i['_kind'] = kind
            out.append(finish(rng, i, res, 0.93 if kind in ('ok_g', 'late_g', 'h_ok', 'h_late') else 0.9))
    window = out[:]
    esc = [i for i in window if i['_kind'] in ('h_late', 'od_g', 'od_h', 'od_due')]
    esc += rng.sample([i for i in window if i['_kind'] == 'open_plan' and i['project'] != lhy['id']], 7)
    esc += rng.sample([i for i in window if i['_kind'] in ('h_ok', 'late_g') and i['project'] != lhy['id']], 9)
    for i in esc:
        lv0 = rng.choice([1, 1, 2])
        escalate(rng, i, min(i.get('resolved', D), D), list(range(lv0, min(5, lv0 + rng.randint(1, 3)) + 1)))
    for i in window:
        if i['project'] == lhy['id'] and i['category'] == 'energy':
            escalate(rng, i, min(i.get('resolved', D), D), [2, 3, 4, 5])
    # ---- 2019 problems on pool projects (not on the list: they must not count)
    for p in rng.sample(sorted(P, key=lambda p: p['id']), 3):
        i = make_issue(rng, p, names, 'ok_g', raised_in(date(2019, 3, 1), date(2019, 5, 15)), 'approval')
        out.append(finish(rng, i, wd_after(i['raised'], rng.randint(2, 5))))
    # ---- 2018: about 60 problems, 2 carried over into 2019
    act18 = sorted((p for p in L + O if 2018 in p['plans']), key=lambda p: p['id'])
    for j in range(60):
        raised = workday(rng, date(2018, 1, 8), date(2018, 12, 14))
        ps = [p for p in act18 if p['sa'] <= raised + timedelta(60) and (not p.get('ca') or p['ca'] >= raised)]
        if j < 2:
            p = by['黄河滩区旧村台改造提升'] if j == 0 else rng.choice([p for p in ps if p['name'] in by])
            raised = date(2018, 9 + 2 * j, 12 + j)
            i = make_issue(rng, p, names, 'h', raised, 'demolition' if j == 0 else 'land')
            if j == 0:
                i.update(title='部分滩区群众搬迁意愿不统一', detail='旧村台改造涉及的部分群众对安置方式有不同意见，影响项目开工')
                i['plan'].update(due=date(2018, 12, 31), text='镇村干部包户做工作，逐户制定安置方案')
            else:
                i.update(title='历史遗留用地手续不全', detail=f'{p["name"]}部分用地历史上未办理用地手续，无法办理不动产登记')
                i['plan'].update(due=date(2018, 12, 31), text='分类处置历史遗留用地，补办用地手续')
            escalate(rng, i, date(2019, 3, 31), [1, 2, 3])
            out.append(finish(rng, i, None))
            # carried over into 2019 and solved there, after the escalation to level 3: open at the end of
            # 2018, and not overdue as of 2019-05-31 (an old problem still open would be: SPEC §5.5)
            i['resolved'] = date(2019, 4, 16 + 7 * j)
            i['resolution'] = '县领导包户协调，安置方案全部签约' if j == 0 else '补办用地手续，完成不动产登记'
            continue
        p = rng.choice(ps)
        hard = rng.random() < 0.2
        i = make_issue(rng, p, names, 'h' if hard else 'g', raised)
        res = i['plan']['date'] + timedelta(rng.randint(3, 20)) if hard else \
            wd_after(raised, rng.choice([1, 2, 3, 4, 5, 5, 7]))
        out.append(finish(rng, i, res, 0.97))
    # ---- 2019-06..12: about 50 problems, most resolved
    for j in range(50):
        raised = workday(rng, date(2019, 6, 3), date(2019, 12, 20)) if j >= 4 else \
            workday(rng, date(2019, 11, 1), date(2019, 12, 20))
        p = rng.choice([p for p in on19 if p['sa'] <= raised + timedelta(45) and (not p.get('ca') or p['ca'] >= raised)])
        hard = rng.random() < 0.2
        i = make_issue(rng, p, names, 'h' if hard else 'g', raised)
        res = None if j < 4 else i['plan']['date'] + timedelta(rng.randint(3, 25)) if hard else \
            wd_after(raised, rng.choice([1, 2, 3, 4, 5, 6]))
        if j == 10:
            escalate(rng, i, res, [1, 2])
        out.append(finish(rng, i, res))
    out.sort(key=lambda i: (i['raised'], i['project'], i['title']))
    for y in (2018, 2019):
        for n, i in enumerate((i for i in out if i['raised'].year == y), 1):
            i['id'] = f'Q{y}-{n:04d}'
    for i in out:
        i.pop('_kind', None)
    return out


# ---------------------------------------------------------------- YAML text
_SPECIAL = re.compile(r'''^(?:y|n|yes|no|true|false|on|off|null|~|[-+]?[\d._:]+(?:[eE][-+]?\d+)?|0[xob][\da-f_]+'''
                      r'''|\d{4}-\d\d?-\d\d?.*|\.inf|\.nan|[-+]?\.inf)$''', re.I)


def s(v):
    """One YAML scalar, quoted when YAML 1.1 would read it as another type or as syntax."""
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, (int, Decimal)):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, date):
        return v.isoformat()
    v = str(v)
    if (not v or _SPECIAL.match(v) or v[0] in '-?:,[]{}#&*!|>\'"%@` ' or v[-1] == ' '
            or any(c in v for c in ':#,[]{}\n\\"\'')):
        return '"' + v.replace('\\', '\\\\').replace('"', '\\"') + '"'
    return v


def flow(d):
    return '{' + ', '.join(f'{k}: {v if k == "month" else s(v)}' for k, v in d.items() if v is not None) + '}'


def flist(xs):
    return '[' + ', '.join(s(x) for x in xs) + ']'


def project_lines(p):
    amt = lambda key, v: f'"{p["fmt"][key]}"' if key in p['fmt'] else s(v)     # "1.2亿元": a unit string
    L = [f'id: {s(p["id"])}', f'name: {s(p["name"])}', f'level: {p["level"]}', f'category: {s(p["category"])}',
         f'owner: {s(p["owner"])}', f'location: {s(p["location"])}', f'nature: {p["nature"]}',
         f'content: {s(p["content"])}']
    if p['land_mu']:
        L.append(f'land_mu: {p["land_mu"]}')
    L.append(f'total_investment: {amt("total_investment", p["T"])}')
    if p['prior']:
        L.append(f'prior_investment: {amt("prior_investment", p["prior"])}')
    if p.get('introduced'):
        L.append('introduced: true')
    if p.get('pool'):
        L.append(f'pool: {p["pool"]}')
    if p['tags']:
        L.append(f'tags: {flist(p["tags"])}')
    for key, pl, ac in (('start', 'sp', 'sa'), ('completion', 'cp', 'ca'), ('operation', 'op', 'oa')):
        if p.get(pl) or p.get(ac):
            L.append(f'{key + ":":<11} ' + flow({'planned': p.get(pl), 'actual': p.get(ac)}))
    if p['milestones']:
        L.append('milestones:')
        L += [f'  - {flow(m)}' for m in p['milestones']]
    if p['plans']:
        L.append('plans:')
        for y in sorted(p['plans']):
            pl = p['plans'][y]
            L += [f'  {y}:', f'    annual: {amt("annual", pl["annual"]) if y == 2019 else s(pl["annual"])}']
            if pl['monthly']:
                L.append('    monthly: {' + ', '.join(f'{m}: {v}' for m, v in sorted(pl['monthly'].items())) + '}')
    if p['prog']:
        L.append('progress:')
        cat_phases = PHASES[p['category']]
        keys = sorted(p['prog'])
        for n, (y, m) in enumerate(keys):
            note = cat_phases[min(len(cat_phases) - 1, n * len(cat_phases) // len(keys))]
            if p.get('ca') and (y, m) == keys[-1]:
                note = '竣工验收'
            L.append('  - ' + flow({'month': f'{y}-{m:02d}', 'invested': p['prog'][(y, m)], 'note': note}))
    return L


def issue_lines(i):
    L = [f'id: {i["id"]}', f'project: {i["project"]}', f'category: {i["category"]}', f'title: {s(i["title"])}']
    L += [f'detail: {s(i["detail"])}'] if i.get('detail') else []
    L += [f'raised: {i["raised"]}', f'reporter: {s(i["reporter"])}', f'difficulty: {i["difficulty"]}',
         f'assignee: {flow(i["assignee"])}', f'assigned: {i["assigned"]}']
    if i.get('due'):
        L.append(f'due: {i["due"]}')
    if i.get('plan'):
        L.append(f'plan: {flow(i["plan"])}')
    if i.get('escalations'):
        L.append('escalations:')
        L += [f'  - {flow(e)}' for e in i['escalations']]
    for k in ('resolved', 'resolution', 'closed', 'feedback'):
        if i.get(k):
            L.append(f'{k}: {s(i[k])}')
    return L


def card_lines(cd):
    L = [f'id: {cd["id"]}', f'leader: {flow({"name": cd["leader"][0], "title": cd["leader"][1]})}',
         f'unit: {s(cd["unit"])}', f'person: {s(cd["person"])}', f'deputy: {s(cd["deputy"])}',
         f'projects: {flist(p["id"] for p in cd["projects"])}']
    if cd['duties']:
        L.append(f'duties: {flist(cd["duties"])}')
    L.append('visits:')
    L += [f'  - {flow(v)}' for v in cd['visits']]
    return L


def as_list(records):
    out = []
    for lines in records:
        out += ['- ' + lines[0]] + ['  ' + x for x in lines[1:]]
    return out


LEDGER_YAML = """\
# 利津县重点项目建设台账（样例数据，由 tools/make_sample_ledger.py 生成，请勿手工修改）
name: 利津县重点项目建设台账
region: 利津县
scope: county
unit: 万元
language: zh
categories: [新旧动能转换, 乡村振兴, 城建及基础设施, 社会建设]
sla:
  general_days: 5        # 一般问题3—5个工作日内办结
  hard_plan_days: 2      # 一时难以解决的问题，2个工作日内拿出办理方案
warnings:
  yellow_below: 1.0      # 完成投资/序时计划低于此值不为绿灯
  red_below: 0.8         # 低于此值为红灯
  red_late_start_days: 30
visits: {per_week: 1}    # 包靠县领导每周至少深入项目现场工作半天
escalation_levels: [首席服务官协调, 县区周例会研究, 市直部门专题破解, 市级周例会重点攻坚, 市党政联席会统筹推动]
"""


def write(root, L, O, P, cards, issues):
    def put(rel, lines, head):
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8', newline='\n') as f:
            f.write(head + '\n' + '\n'.join(lines) + '\n')
    with open(os.path.join(root, 'ledger.yaml'), 'w', encoding='utf-8', newline='\n') as f:
        f.write(LEDGER_YAML)
    for p in sorted(L + O, key=lambda p: p['id']):
        put(f'projects/{p["location"]}/{p["id"]}.yaml', project_lines(p), f'# {p["name"]}')
    put('projects/谋划储备/pool.yaml', as_list(project_lines(p) for p in sorted(P, key=lambda p: p['id'])),
        '# 四个一批：谋划一批（pool: planning）、储备一批（pool: reserve）项目')
    for li, (name, title) in enumerate(LEADERS):
        cds = [cd for cd in cards if cd['leader'] == LEADERS[li]]
        put(f'responsibilities/{name}.yaml', as_list(card_lines(cd) for cd in cds),
            f'# {title}{name} 包靠重点项目跟踪卡')
    months = sorted({i['raised'].strftime('%Y-%m') for i in issues})
    for ym in months:
        put(f'issues/{ym[:4]}/{ym}.yaml', as_list(issue_lines(i) for i in issues if i['raised'].strftime('%Y-%m') == ym),
            f'# {ym[:4]}年{int(ym[5:])}月收集的项目问题清单')


def generate(root):
    rng = random.Random(2019)
    people = sorted({a + b for a in SURNAMES for b in GIVEN})
    rng.shuffle(people)
    people = iter(people)
    names = lambda: next(people)
    L, O, P = build_projects(rng)
    cards = build_cards(rng, L + O, names)
    issues = build_issues(rng, L, O, P, names)
    write(root, L, O, P, cards, issues)


# ---------------------------------------------------------------- independent check
EXPECT = {'projects': 128, 'by_category': CATS, 'total_investment': Decimal(TOTAL), 'annual_plan': Decimal(ANNUAL),
          'started': 101, 'start_rate': '78.9%', 'continuing': 58, 'new_projects': 70, 'new_started': 43,
          'on_schedule': 121, 'on_schedule_rate': '94.5%', 'lights': {'green': 121, 'yellow': 4, 'red': 3},
          'completed_ytd': Decimal(YTD), 'plan_completion_rate': '64.4%', 'double_half': (5, 1),
          'completing': 30, 'completing_done': 6, 'planning': 12, 'reserve': 18,
          'issues_raised': 222, 'issues_resolved': 196, 'resolution_rate': '88.3%', 'overdue': 3,
          'start_rate_pp': '12.0', 'projects_2018': 121, 'started_2018': 81, 'completed_ytd_2018': Decimal(YTD18)}
KEYS = {
    'ledger': {'name', 'region', 'scope', 'unit', 'language', 'categories', 'sla', 'warnings', 'calendar',
               'ranking', 'visits', 'escalation_levels'},
    'project': {'id', 'name', 'level', 'category', 'owner', 'location', 'nature', 'content', 'land_mu',
                'total_investment', 'prior_investment', 'introduced', 'pool', 'tags', 'start', 'completion',
                'operation', 'milestones', 'plans', 'progress'},
    'node': {'planned', 'actual'}, 'milestone': {'name', 'planned', 'actual'}, 'plan': {'annual', 'monthly'},
    'progress': {'month', 'invested', 'note'},
    'card': {'id', 'leader', 'unit', 'person', 'deputy', 'projects', 'duties', 'visits'},
    'leader': {'name', 'title'}, 'visit': {'date', 'project', 'hours', 'note'},
    'issue': {'id', 'project', 'category', 'title', 'detail', 'raised', 'reporter', 'difficulty', 'assignee',
              'assigned', 'due', 'plan', 'escalations', 'resolved', 'resolution', 'closed', 'feedback'},
    'assignee': {'unit', 'person'}, 'iplan': {'date', 'due', 'text'}, 'escalation': {'level', 'date', 'note'}}
UNITS = {'亿元': Decimal(10000), '亿': Decimal(10000), '万元': Decimal(1), '万': Decimal(1), '元': Decimal('0.0001')}


TEXT = {'name', 'title', 'note', 'text', 'unit', 'person', 'deputy', 'owner', 'content', 'location', 'resolution',
        'feedback', 'detail', 'reporter', 'category', 'region', 'project', 'id'}


def verify(root):
    try:
        import yaml
    except ImportError:
        sys.exit('verify needs PyYAML (pip install pyyaml)')

    class Loader(yaml.SafeLoader):
        pass

    def no_dups(loader, node, deep=False):
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        assert len(keys) == len(set(map(repr, keys))), f'duplicate key in {node.start_mark}'
        return loader.construct_mapping(node, deep)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, no_dups)
    errors = []
    check = lambda ok, msg: ok or errors.append(msg)

    def amount(v, where):
        if isinstance(v, str):
            m = re.fullmatch(r'(\d+(?:\.\d+)?)(亿元|亿|万元|万|元)', v)
            check(m, f'{where}: bad amount {v!r}')
            x = Decimal(m[1]) * UNITS[m[2]]
        else:
            check(isinstance(v, (int, float)) and not isinstance(v, bool), f'{where}: bad amount {v!r}')
            x = Decimal(str(v))
        check(x >= 0 and x == x.quantize(Decimal('0.0001')), f'{where}: amount {v!r}')
        return x

    def keys(d, kind, where):
        check(isinstance(d, dict) and set(d) <= KEYS[kind], f'{where}: unknown keys {set(d) - KEYS[kind]}')

    def texts(x, where):                  # a text field that YAML read as a number, date or bool
        for k, v in (x.items() if isinstance(x, dict) else enumerate(x) if isinstance(x, list) else ()):
            check(k not in TEXT or isinstance(v, str), f'{where}: {k} is not text: {v!r}')
            texts(v, where)

    def records(sub):
        out = []
        for dirpath, dirs, files in sorted(os.walk(os.path.join(root, sub))):
            dirs.sort()
            for fn in sorted(files):
                if fn.endswith('.yaml'):
                    with open(os.path.join(dirpath, fn), encoding='utf-8') as f:
                        data = yaml.load(f, Loader=Loader)
                    assert yaml.safe_load(open(os.path.join(dirpath, fn), encoding='utf-8')) == data
                    out += [(os.path.join(dirpath, fn), r) for r in (data if isinstance(data, list) else [data])]
        return out
    ledger = yaml.load(open(os.path.join(root, 'ledger.yaml'), encoding='utf-8'), Loader=Loader)
    keys(ledger, 'ledger', 'ledger.yaml')
    files = {k: records(k) for k in ('projects', 'responsibilities', 'issues')}
    idre = re.compile(r'[A-Za-z0-9][A-Za-z0-9._-]{0,63}')
    for kind, recs in files.items():
        ids = [r['id'] for _, r in recs]
        check(len(ids) == len(set(ids)), f'{kind}: duplicate ids')
        check(all(isinstance(i, str) and idre.fullmatch(i) for i in ids), f'{kind}: bad id')
    # ---- projects
    prj = {}
    for path, r in files['projects']:
        w = f'{path}:{r["id"]}'
        keys(r, 'project', w)
        texts(r, w)
        for k in ('name', 'owner', 'location', 'content', 'category'):
            check(isinstance(r.get(k), str), f'{w}: {k} not a string')
        check(r['category'] in ledger['categories'] and r['level'] in ('province', 'city', 'county'), w)
        r['T'] = amount(r['total_investment'], w)
        r['P'] = amount(r.get('prior_investment', 0), w)
        for k in ('start', 'completion', 'operation'):
            keys(r.get(k, {}), 'node', w)
            check(all(isinstance(v, date) for v in r.get(k, {}).values()), f'{w}: {k} dates')
        for m in r.get('milestones', []):
            keys(m, 'milestone', w)
        sa, ca = r.get('start', {}).get('actual'), r.get('completion', {}).get('actual')
        check(not ca or (sa and sa <= ca), f'{w}: completion.actual before start')
        check(not r.get('pool') or (not sa and not r.get('plans') and not r.get('progress')
                                    and 'planned' not in r.get('start', {})), f'{w}: pool project started')
        r['prog'] = {}
        for e in r.get('progress', []):
            keys(e, 'progress', w)
            check(isinstance(e['month'], str) and re.fullmatch(r'\d{4}-(0[1-9]|1[0-2])', e['month'])
                  and e['month'] <= '2019-12' and e['month'] not in r['prog'], f'{w}: month {e["month"]}')
            r['prog'][e['month']] = amount(e['invested'], w)
        check(r['P'] + sum(r['prog'].values()) <= r['T'], f'{w}: completed above total investment')
        check(not r['prog'] or (str(sa)[:7] <= min(r['prog']) and (not ca or max(r['prog']) <= str(ca)[:7])),
              f'{w}: progress outside start..completion')
        for y, pl in r.get('plans', {}).items():
            keys(pl, 'plan', w)
            pl['annual'] = amount(pl['annual'], w)
            check(pl['annual'] <= r['T'], f'{w}: annual above total')
            if 'monthly' in pl:
                pl['monthly'] = {m: amount(v, w) for m, v in pl['monthly'].items()}
                check(set(pl['monthly']) <= set(range(1, 13)) and sum(pl['monthly'].values()) == pl['annual'],
                      f'{w}: monthly plan of {y} does not sum to annual')
        if r.get('plans'):
            check(sa is not None and sa <= date(2019, 12, 31), f'{w}: no actual start by 2019-12')
        prj[r['id']] = r
    # ---- cards
    cards = [r for _, r in files['responsibilities']]
    on_cards = {}
    for c in cards:
        keys(c, 'card', c['id'])
        texts(c, c['id'])
        keys(c['leader'], 'leader', c['id'])
        for pid in c['projects']:
            check(pid in prj, f'{c["id"]}: unknown project {pid}')
            on_cards[pid] = on_cards.get(pid, 0) + 1
        for v in c.get('visits', []):
            keys(v, 'visit', c['id'])
            check(v['project'] in c['projects'] and 0 < v['hours'] <= 24 and isinstance(v['date'], date), c['id'])
    for pid, r in prj.items():
        check(not r.get('plans') or on_cards.get(pid), f'{pid}: on no card')
    recent = [sum(date(2019, 5, 4) <= v['date'] <= D for v in c['visits']) for c in cards]
    # ---- issues
    iss = [r for _, r in files['issues']]
    for i in iss:
        keys(i, 'issue', i['id'])
        texts(i, i['id'])
        keys(i['assignee'], 'assignee', i['id'])
        keys(i.get('plan', {}), 'iplan', i['id'])
        check(i['project'] in prj, f'{i["id"]}: unknown project')
        seq = [i[k] for k in ('raised', 'assigned', 'resolved', 'closed') if k in i]
        check(seq == sorted(seq) and all(isinstance(x, date) for x in seq), f'{i["id"]}: dates out of order')
        check('closed' not in i or 'resolved' in i, f'{i["id"]}: closed without resolved')
        check(not i.get('plan') or i['plan']['date'] >= i['raised'], f'{i["id"]}: plan before raised')
        esc = i.get('escalations', [])
        for e in esc:
            keys(e, 'escalation', i['id'])
        check([e['level'] for e in esc] == sorted(e['level'] for e in esc) and
              [e['date'] for e in esc] == sorted({e['date'] for e in esc}) and
              all(1 <= e['level'] <= 5 for e in esc) and all(e['date'] >= i['raised'] for e in esc),
              f'{i["id"]}: escalations')
    if errors:
        print('\n'.join(errors[:40]))
        raise SystemExit(f'{len(errors)} check errors')

    # ---- figures, per SPEC §4-5
    def figures(Y, asof):
        lst = [r for r in prj.values() if Y in r.get('plans', {})]
        mon = asof.month if asof.year == Y else 12 if asof.year > Y else 0
        started = lambda r: (r.get('start', {}).get('actual') or date.max) <= asof

        def ytd(r, upto=mon):
            return sum((v for m, v in r['prog'].items() if m[:4] == str(Y) and int(m[5:]) <= upto), Decimal(0))

        def ptd(r):
            pl = r['plans'][Y]
            if 'monthly' in pl:
                return sum((v for m, v in pl['monthly'].items() if m <= mon), Decimal(0))
            return pl['annual'] * mon / 12
        f = {'projects': len(lst), 'by_category': {c: sum(r['category'] == c for r in lst) for c in CATS},
             'total_investment': sum(r['T'] for r in lst), 'annual_plan': sum(r['plans'][Y]['annual'] for r in lst),
             'started': sum(map(started, lst)),
             'continuing': sum((r.get('start', {}).get('actual') or date.max) < date(Y, 1, 1) for r in lst)}
        f['new_projects'] = f['projects'] - f['continuing']
        f['new_started'] = f['started'] - f['continuing']
        lights, on, lates = {'green': 0, 'yellow': 0, 'red': 0}, 0, []
        for r in lst:
            late = (r.get('start', {}).get('planned') or date.max) <= asof and not started(r)
            delay = (asof - r['start']['planned']).days if late else 0
            lates += [delay] if late else []
            c, pt = ytd(r), ptd(r)
            ratio = c / pt if pt else None
            on += (not late and c >= pt)
            red = delay >= 30 or (ratio is not None and ratio < Decimal('0.8'))
            green = not red and not late and (ratio is None or ratio >= 1)
            lights['red' if red else 'green' if green else 'yellow'] += 1
        f.update(late_start_days=sorted(lates), on_schedule=on, lights=lights, completed_ytd=sum(ytd(r) for r in lst),
                 completed=sum((r.get('completion', {}).get('actual') or date.max) <= asof for r in lst))
        half = f['annual_plan'] / 2
        reached = next((m for m in range(1, mon + 1) if sum(ytd(r, m) for r in lst) >= half), None)
        f['double_half'] = (reached, 6 - reached if reached and reached <= 6 else None)
        f['completing'] = sum(r.get('completion', {}).get('planned', date.min).year == Y for r in lst)
        f['completing_done'] = sum(r.get('completion', {}).get('planned', date.min).year == Y and
                                   (r['completion'].get('actual') or date.max) <= asof for r in lst)
        f['planning'] = sum(r.get('pool') == 'planning' for r in prj.values())
        f['reserve'] = sum(r.get('pool') == 'reserve' for r in prj.values())
        ids = {r['id'] for r in lst}
        win = [i for i in iss if date(Y, 1, 1) <= i['raised'] <= asof and i['project'] in ids]
        def due(i, plan_known_by=asof):      # a plan counts once made (plan.date <= D); see also below
            if i.get('due'):
                return i['due']
            if i['difficulty'] == 'general':
                return wd_after(i['raised'], 5)
            return i['plan']['due'] if i.get('plan') and i['plan']['date'] <= plan_known_by else wd_after(i['raised'], 2)
        res = [i for i in win if i.get('resolved') and i['resolved'] <= asof]
        alt = lambda i: due(i, date.max)     # the other reading: any plan counts, whenever made
        check(sum(1 for i in win if i not in res and asof > alt(i)) == sum(1 for i in win if i not in res and asof > due(i))
              and sum(i['resolved'] > alt(i) for i in res) == sum(i['resolved'] > due(i) for i in res),
              'overdue / resolved_late depend on when a plan counts')
        carried = [i for i in iss if i['raised'] <= asof and i['project'] in ids]  # any year: SPEC §5.5
        f.update(issues_raised=len(win), issues_resolved=len(res),
                 overdue=sum(1 for i in carried if not (i.get('resolved') and i['resolved'] <= asof)
                             and asof > due(i)),
                 issues_closed=sum(1 for i in win if i.get('closed') and i['closed'] <= asof),
                 resolved_late=sum(1 for i in res if i['resolved'] > due(i)),
                 hard=sum(i['difficulty'] == 'hard' for i in win), with_due=sum('due' in i for i in win),
                 escalated=sum('escalations' in i for i in win),
                 open_not_overdue_due_ge_D=sum(1 for i in win if i not in res and due(i) >= asof),
                 avg_working_days=sum(sum(1 for k in range(1, (i['resolved'] - i['raised']).days + 1)
                                          if is_wd(i['raised'] + timedelta(k))) for i in res) / max(1, len(res)))
        f['jan_apr'] = sum(ytd(r, 4) for r in lst)
        return f
    if errors:
        raise SystemExit('\n'.join(errors))
    pct = lambda x: str(Decimal(x * 100).quantize(Decimal('0.1'), rounding='ROUND_HALF_UP')) + '%'
    f, g = figures(2019, D), figures(2018, D18)
    f['start_rate'] = pct(Decimal(f['started']) / f['projects'])
    f['on_schedule_rate'] = pct(Decimal(f['on_schedule']) / f['projects'])
    f['plan_completion_rate'] = pct(f['completed_ytd'] / f['annual_plan'])
    f['resolution_rate'] = pct(Decimal(f['issues_resolved']) / f['issues_raised'])
    f['start_rate_pp'] = str(((Decimal(f['started']) / f['projects'] - Decimal(g['started']) / g['projects']) * 100)
                             .quantize(Decimal('0.1'), rounding='ROUND_HALF_UP'))
    f.update(projects_2018=g['projects'], started_2018=g['started'], completed_ytd_2018=g['completed_ytd'])
    f['completed_ytd_growth'] = pct(f['completed_ytd'] / g['completed_ytd'] - 1)
    f['ahead_of_time_pp'] = ((f['completed_ytd'] / f['annual_plan'] - Decimal(5) / 12) * 100).quantize(Decimal('0.001'))
    f['avg_working_days'] = round(f['avg_working_days'], 2)
    print(f'ledger {root}: {len(prj)} projects, {len(cards)} cards, {len(iss)} issues, '
          f'{sum(len(c.get("visits", [])) for c in cards)} visits')
    for k, v in f.items():
        v = int(v) if isinstance(v, Decimal) and v == int(v) else v
        mark = '' if k not in EXPECT else '  ok' if EXPECT[k] == v else f'  MISMATCH (expected {EXPECT[k]})'
        print(f'  {k}: {v}{mark}')
    print(f'  2018 as of {D18}: {g["projects"]} projects, started {g["started"]}, completed_ytd {g["completed_ytd"]}')
    print(f'  2019 Jan-Apr cumulative {f["jan_apr"]} < half {f["annual_plan"] / 2}: {f["jan_apr"] < f["annual_plan"] / 2}')
    print(f'  projects on two cards: {sum(1 for v in on_cards.values() if v > 1)}; '
          f'cards with <4 visits in 2019-05-04..05-31: {sum(1 for n in recent if n < 4)} {sorted(recent)}')
    bad = [k for k in EXPECT if EXPECT[k] != f[k]]
    if bad or f['jan_apr'] >= f['annual_plan'] / 2:
        raise SystemExit(f'figures do not match: {bad}')
    print('all figures match')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dir', help='ledger directory to write, e.g. data/lijin')
    ap.add_argument('--force', action='store_true', help='delete and rewrite an existing non-empty directory')
    ap.add_argument('--verify', action='store_true', help='only verify an existing ledger')
    a = ap.parse_args(argv)
    if not a.verify:
        if os.path.isdir(a.dir) and os.listdir(a.dir):
            if not a.force:
                sys.exit(f'{a.dir} is not empty; use --force to rewrite it')
            shutil.rmtree(a.dir)
        os.makedirs(a.dir, exist_ok=True)
        generate(a.dir)
    verify(a.dir)


if __name__ == '__main__':
    main()
